-- AlterTable
ALTER TABLE "TenantApiKey" ADD COLUMN     "rateLimitPerMinute" INTEGER,
ADD COLUMN     "replacedById" UUID;

-- CreateTable
CREATE TABLE "UsageEvent" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "eventId" VARCHAR(200) NOT NULL,
    "metric" VARCHAR(50) NOT NULL,
    "value" BIGINT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsageEvent_tenantId_occurredAt_idx" ON "UsageEvent"("tenantId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "UsageEvent_tenantId_eventId_key" ON "UsageEvent"("tenantId", "eventId");

-- AddForeignKey
ALTER TABLE "UsageEvent" ADD CONSTRAINT "UsageEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant-owned table (see *_row_level_security).
GRANT SELECT, INSERT, UPDATE, DELETE ON "UsageEvent" TO livery_tenant, livery_platform;
ALTER TABLE "UsageEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "UsageEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "UsageEvent" TO livery_tenant
  USING ("tenantId" = livery_current_tenant()) WITH CHECK ("tenantId" = livery_current_tenant());
CREATE POLICY platform_access ON "UsageEvent" TO livery_platform USING (true) WITH CHECK (true);
ALTER TABLE "UsageEvent" ADD CONSTRAINT "UsageEvent_value_nonnegative" CHECK ("value" >= 0);
ALTER TABLE "TenantApiKey" ADD CONSTRAINT "TenantApiKey_rate_positive"
  CHECK ("rateLimitPerMinute" IS NULL OR "rateLimitPerMinute" > 0);

-- The platform's tenant list sorts by name with the id as tie-breaker (keyset pagination).
CREATE INDEX "Tenant_name_id_idx" ON "Tenant"("name", "id");
