-- CreateEnum
CREATE TYPE "BrandAssetKind" AS ENUM ('LOGO', 'FAVICON');

-- CreateTable
CREATE TABLE "TenantBrandAsset" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" "BrandAssetKind" NOT NULL,
    "contentType" VARCHAR(50) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantBrandAsset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TenantBrandAsset_tenantId_kind_idx" ON "TenantBrandAsset"("tenantId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "TenantBrandAsset_tenantId_id_key" ON "TenantBrandAsset"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "TenantBrandAsset" ADD CONSTRAINT "TenantBrandAsset_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant-owned table (see *_row_level_security).
GRANT SELECT, INSERT, UPDATE, DELETE ON "TenantBrandAsset" TO livery_tenant, livery_platform;
ALTER TABLE "TenantBrandAsset" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TenantBrandAsset" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TenantBrandAsset" TO livery_tenant
  USING ("tenantId" = livery_current_tenant()) WITH CHECK ("tenantId" = livery_current_tenant());
CREATE POLICY platform_access ON "TenantBrandAsset" TO livery_platform USING (true) WITH CHECK (true);
ALTER TABLE "TenantBrandAsset" ADD CONSTRAINT "TenantBrandAsset_size_matches"
  CHECK ("sizeBytes" = octet_length("data") AND "sizeBytes" <= 524288);
