-- Trigram indexes for the super-admin tenants search (`ILIKE '%term%'` on
-- slug, name and custom-domain hostname; lib/tenants/queries.ts). A B-tree
-- cannot serve a pattern with a leading wildcard; a GIN trigram index can,
-- for any term of three characters or more. pg_trgm is a trusted extension
-- (PostgreSQL 13+), so the database owner may create it; PGlite loads it
-- from its contrib bundle (lib/db/adapters.ts newPglite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- fastupdate off: new entries go straight into the index instead of a pending
-- list that every search would scan until (auto)vacuum merges it. Tenants and
-- domains are written rarely and searched often, so the write cost is the one
-- to pay (measured: a rare-term search at 100,000 fresh tenants read a 17 ms
-- pending list on the slug index alone).

-- CreateIndex
CREATE INDEX "Tenant_slug_trgm_idx" ON "Tenant" USING GIN ("slug" gin_trgm_ops) WITH (fastupdate = off);

-- CreateIndex
CREATE INDEX "Tenant_name_trgm_idx" ON "Tenant" USING GIN ("name" gin_trgm_ops) WITH (fastupdate = off);

-- CreateIndex
CREATE INDEX "TenantDomain_hostname_trgm_idx" ON "TenantDomain" USING GIN ("hostname" gin_trgm_ops) WITH (fastupdate = off);
