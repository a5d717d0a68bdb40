-- Row-level security: the second and third layers of Livery's tenant isolation
-- (see docs/decisions.md, "Tenant isolation").
--
-- Two NOLOGIN roles, switched to per transaction with
--   set_config('role', ..., true) and set_config('app.tenant_id', ..., true):
--   livery_tenant   — sees only rows whose tenantId equals app.tenant_id.
--   livery_platform — cross-tenant work (tenant lookup, key lookup by hash,
--                     super-admin screens), reached only through lib/db/platform.ts.
-- Neither has BYPASSRLS, and every table is FORCEd, so the policies hold even
-- for the table owner. Only a superuser login (as in PGlite) bypasses RLS,
-- which is why the app never queries outside one of these two roles.

-- Roles are cluster-wide: another database on the same server may have made
-- them already, possibly at this very moment (parallel test databases).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'livery_tenant') THEN
    CREATE ROLE livery_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'livery_platform') THEN
    CREATE ROLE livery_platform NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- The login role must be a member to switch to them (a superuser always is).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'livery_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT livery_tenant TO %I', current_user);
  END IF;
  IF NOT pg_has_role(current_user, 'livery_platform', 'MEMBER') THEN
    EXECUTE format('GRANT livery_platform TO %I', current_user);
  END IF;
END $$;

-- The tenant of the current transaction, or NULL when none is set.
CREATE OR REPLACE FUNCTION livery_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

GRANT USAGE ON SCHEMA public TO livery_tenant, livery_platform;

-- Privileges. The tenant role may read its own Tenant row and rename it, but
-- never change its own plan or status.
GRANT SELECT ON "Tenant" TO livery_tenant;
GRANT UPDATE ("name", "updatedAt") ON "Tenant" TO livery_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "TenantDomain", "TenantConfig", "TenantApiKey", "TenantUsageMetric", "User", "Content", "AuditLog"
  TO livery_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "Tenant", "TenantDomain", "TenantConfig", "TenantApiKey", "PlatformApiKey", "TenantUsageMetric", "User", "Content", "AuditLog"
  TO livery_platform;

-- ENABLE + FORCE on every application table, one policy per role.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['TenantDomain', 'TenantConfig', 'TenantApiKey', 'TenantUsageMetric', 'User', 'Content', 'AuditLog'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO livery_tenant '
      'USING ("tenantId" = livery_current_tenant()) WITH CHECK ("tenantId" = livery_current_tenant())', t);
    EXECUTE format('CREATE POLICY platform_access ON %I TO livery_platform USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Tenant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_self ON "Tenant" TO livery_tenant
  USING ("id" = livery_current_tenant()) WITH CHECK ("id" = livery_current_tenant());
CREATE POLICY platform_access ON "Tenant" TO livery_platform USING (true) WITH CHECK (true);

ALTER TABLE "PlatformApiKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlatformApiKey" FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_access ON "PlatformApiKey" TO livery_platform USING (true) WITH CHECK (true);

-- Integrity the Prisma schema language cannot express.
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_slug_format"
  CHECK ("slug" ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$');
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_suspension_consistent"
  CHECK (("status" = 'SUSPENDED') = ("suspendedAt" IS NOT NULL));
ALTER TABLE "TenantDomain" ADD CONSTRAINT "TenantDomain_hostname_lower"
  CHECK ("hostname" = lower("hostname"));
ALTER TABLE "User" ADD CONSTRAINT "User_email_lower"
  CHECK ("email" = lower("email"));
ALTER TABLE "User" ADD CONSTRAINT "User_role_matches_tenant"
  CHECK (("role" = 'SUPER_ADMIN') = ("tenantId" IS NULL));
ALTER TABLE "Content" ADD CONSTRAINT "Content_size_nonnegative"
  CHECK ("sizeBytes" >= 0);
-- NULL tenantIds are distinct in the (tenantId, email) key, so super-admin
-- emails need their own unique index.
CREATE UNIQUE INDEX "User_platform_email_key" ON "User" ("email") WHERE "tenantId" IS NULL;
