-- Trigram indexes for the super-admin tenants search (`ILIKE '%term%'` on
-- slug, name and custom-domain hostname; lib/tenants/queries.ts). A B-tree
-- cannot serve a pattern with a leading wildcard; a GIN trigram index can,
-- for any term of three characters or more. pg_trgm is a trusted extension
-- (PostgreSQL 13+), so the database owner may create it; PGlite loads it
-- from its contrib bundle (lib/db/adapters.ts newPglite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Tenant_slug_trgm_idx" ON "Tenant" USING GIN ("slug" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Tenant_name_trgm_idx" ON "Tenant" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "TenantDomain_hostname_trgm_idx" ON "TenantDomain" USING GIN ("hostname" gin_trgm_ops);
