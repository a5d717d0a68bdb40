-- livery_current_tenant() runs once per statement (an InitPlan in every
-- tenant policy), so its cost is paid by every tenant query. Measured on
-- PostgreSQL 15: the shape check with a bounded-repetition regex
-- ('[0-9a-f]{64}') cost about 55 µs per call, more than everything else in
-- the function together; plain string checks cost next to nothing. The
-- binding's format and proof are unchanged (…_tenant_binding).

-- The proof, as before, in PL/pgSQL (its query plan is cached for the
-- session, where a SQL function is planned on every call) and without a SET
-- clause (a GUC save and restore per call): it is only ever called by the
-- two SECURITY DEFINER functions, whose pinned search_path it inherits, and
-- only its owner may execute it.
CREATE OR REPLACE FUNCTION livery_private.binding_proof(tenant uuid) RETURNS text
  LANGUAGE plpgsql STABLE
  AS $$
DECLARE
  key bytea;
BEGIN
  SELECT k.secret INTO STRICT key FROM livery_private.tenant_binding_key k;
  RETURN encode(sha256(
    key
    || int8send(pg_backend_pid()::bigint)
    || int8send((extract(epoch FROM transaction_timestamp()) * 1000000)::bigint)
    || uuid_send(tenant)), 'hex');
END $$;
REVOKE ALL ON FUNCTION livery_private.binding_proof(uuid) FROM PUBLIC;

CREATE OR REPLACE FUNCTION livery_current_tenant() RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
DECLARE
  binding text := current_setting('livery.tenant_binding', true);
  hex text;
  tenant uuid;
BEGIN
  -- "<uuid, 36 characters>/<proof, 64 hex digits>": 101 characters.
  IF binding IS NULL OR length(binding) <> 101 THEN
    RETURN NULL;
  END IF;
  hex := translate(left(binding, 36), '-', '');
  IF length(hex) <> 32 OR translate(hex, '0123456789abcdef', '') <> '' THEN
    RETURN NULL;
  END IF;
  tenant := hex::uuid;
  -- Comparing the whole text also pins the hyphens and the separator to the
  -- form livery_enter_tenant() wrote.
  IF binding = tenant::text || '/' || livery_private.binding_proof(tenant) THEN
    RETURN tenant;
  END IF;
  RETURN NULL;
END $$;
