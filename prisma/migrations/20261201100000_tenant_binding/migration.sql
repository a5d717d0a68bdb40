-- Bind the tenant to the transaction (docs/decisions.md, "The tenant is bound
-- to the transaction").
--
-- Until now the policies trusted `app.tenant_id`, a custom setting that any
-- role may change: SQL injected into a tenant transaction could run
-- set_config('app.tenant_id', <another tenant>, true) and read that tenant.
-- Now the only way to name the transaction's tenant is livery_enter_tenant(id),
-- a SECURITY DEFINER function that
--   * refuses a second, different tenant in the same transaction: it takes a
--     transaction-level advisory lock that nothing but the end of the
--     transaction releases (pg_advisory_unlock cannot), and looks for it first;
--   * stores "<id>/<proof>" in the transaction-local setting
--     livery.tenant_binding, where proof = sha256(secret ‖ backend pid ‖
--     transaction start ‖ id) and the secret lives in a table that only the
--     functions' owner can read.
-- livery_current_tenant() recomputes the proof and returns the id only when it
-- matches, so a forged or edited setting reads as "no tenant" (no rows). The
-- setting and the lock are transaction-local, which is also why this works
-- behind PgBouncer in transaction mode: one transaction, one server backend.

CREATE SCHEMA IF NOT EXISTS livery_private;
REVOKE ALL ON SCHEMA livery_private FROM PUBLIC;

-- One row. 2 × gen_random_uuid() = 244 bits from the server's strong random
-- source. IF NOT EXISTS / ON CONFLICT: `db:reset` drops only `public`, and a
-- kept secret is as good as a new one.
CREATE TABLE IF NOT EXISTS livery_private.tenant_binding_key (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  secret bytea NOT NULL CHECK (octet_length(secret) = 32)
);
REVOKE ALL ON livery_private.tenant_binding_key FROM PUBLIC;
INSERT INTO livery_private.tenant_binding_key (secret)
  VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))
  ON CONFLICT DO NOTHING;

-- The proof for this backend and transaction. A fixed-length binary message
-- (pid, start in microseconds, uuid), so no edit of the setting's text can
-- produce another valid message, and no session setting (TimeZone, DateStyle)
-- changes it. Callable only by its owner, i.e. by the two functions below.
CREATE OR REPLACE FUNCTION livery_private.binding_proof(tenant uuid) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT encode(sha256(
      k.secret
      || int8send(pg_backend_pid()::bigint)
      || int8send((extract(epoch FROM transaction_timestamp()) * 1000000)::bigint)
      || uuid_send(tenant)), 'hex')
    FROM livery_private.tenant_binding_key k
  $$;
REVOKE ALL ON FUNCTION livery_private.binding_proof(uuid) FROM PUBLIC;

-- The tenant of the current transaction, or NULL. What every tenant policy
-- reads; `app.tenant_id` is no longer consulted anywhere.
CREATE OR REPLACE FUNCTION livery_current_tenant() RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  binding text := current_setting('livery.tenant_binding', true);
  tenant uuid;
BEGIN
  IF binding IS NULL OR binding !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{64}$' THEN
    RETURN NULL;
  END IF;
  tenant := split_part(binding, '/', 1)::uuid;
  IF split_part(binding, '/', 2) = livery_private.binding_proof(tenant) THEN
    RETURN tenant;
  END IF;
  RETURN NULL;
END $$;

-- Advisory lock key of "this transaction has entered a tenant": two int4s,
-- ('livr' as an int4, 1), apart from the single-bigint keys others use.
CREATE OR REPLACE FUNCTION livery_enter_tenant(tenant uuid) RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'livery_enter_tenant: the tenant id is null' USING ERRCODE = '22004';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_locks
             WHERE locktype = 'advisory' AND pid = pg_backend_pid()
               AND classid = 1818850930 AND objid = 1 AND objsubid = 2) THEN
    -- Entering the same tenant again is harmless; any other is refused, even
    -- when the setting has been cleared in between.
    IF public.livery_current_tenant() IS NOT DISTINCT FROM tenant THEN
      RETURN tenant;
    END IF;
    RAISE EXCEPTION 'livery_enter_tenant: this transaction is already bound to a tenant'
      USING ERRCODE = '42501';
  END IF;
  PERFORM pg_advisory_xact_lock(1818850930, 1);
  PERFORM set_config('livery.tenant_binding', tenant::text || '/' || livery_private.binding_proof(tenant), true);
  RETURN tenant;
END $$;

-- Every tenant policy reads the bound tenant through a scalar subquery: an
-- InitPlan, evaluated once per statement instead of once per row.
DO $$
DECLARE
  p record;
  expr text;
BEGIN
  FOR p IN
    SELECT tablename, policyname FROM pg_policies
    WHERE schemaname = 'public' AND policyname IN ('tenant_isolation', 'tenant_self')
  LOOP
    expr := format('%I = (SELECT livery_current_tenant())', CASE p.policyname WHEN 'tenant_self' THEN 'id' ELSE 'tenantId' END);
    EXECUTE format('ALTER POLICY %I ON public.%I USING (%s) WITH CHECK (%s)', p.policyname, p.tablename, expr, expr);
  END LOOP;
END $$;

-- Later migrations protect a new tenant table in one line, in the new form.
CREATE OR REPLACE FUNCTION livery_protect_tenant_table(t text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO livery_tenant, livery_platform', t);
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %I TO livery_tenant '
    'USING ("tenantId" = (SELECT livery_current_tenant())) WITH CHECK ("tenantId" = (SELECT livery_current_tenant()))', t);
  EXECUTE format('CREATE POLICY platform_access ON %I TO livery_platform USING (true) WITH CHECK (true)', t);
END $$;
REVOKE ALL ON FUNCTION livery_protect_tenant_table(text) FROM PUBLIC;

-- Acting tickets are the platform's alone (issue #12, H3): a tenant role that
-- could write one could open its own portal as a super-admin of its choosing.
-- The tenant policy stays, so the table is still held to the common rule if
-- anyone grants it again.
REVOKE ALL ON "ActingTicket" FROM livery_tenant;

-- Readiness (lib/db/readiness.ts) runs on the platform login, which has no
-- privileges of its own on Prisma's bookkeeping table; this reads the applied
-- migration names for it (not secret: they ship with the app). Dynamic SQL
-- because the table is created by whoever migrates, possibly after this.
CREATE OR REPLACE FUNCTION livery_applied_migrations() RETURNS SETOF text
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE 'SELECT migration_name::text FROM public._prisma_migrations '
    'WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';
END $$;
