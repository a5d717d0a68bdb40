-- CreateTable
CREATE TABLE "ActingTicket" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActingTicket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ActingTicket_tokenHash_key" ON "ActingTicket"("tokenHash");

-- CreateIndex
CREATE INDEX "ActingTicket_tenantId_idx" ON "ActingTicket"("tenantId");

-- CreateIndex
CREATE INDEX "ActingTicket_userId_idx" ON "ActingTicket"("userId");

-- AddForeignKey
ALTER TABLE "ActingTicket" ADD CONSTRAINT "ActingTicket_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingTicket" ADD CONSTRAINT "ActingTicket_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant-owned table (see *_row_level_security),
-- as a function so later migrations protect a new table in one line.
CREATE OR REPLACE FUNCTION livery_protect_tenant_table(t text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO livery_tenant, livery_platform', t);
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %I TO livery_tenant '
    'USING ("tenantId" = livery_current_tenant()) WITH CHECK ("tenantId" = livery_current_tenant())', t);
  EXECUTE format('CREATE POLICY platform_access ON %I TO livery_platform USING (true) WITH CHECK (true)', t);
END $$;

-- Only the platform reads and writes tickets; the tenant policy holds the
-- table to the same rule as every other.
SELECT livery_protect_tenant_table('ActingTicket');
