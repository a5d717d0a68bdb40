import PgBoss from "pg-boss";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db/client";
import { ensureDatabaseLogins, JOB_QUEUE_SCHEMA } from "@/lib/db/logins";
import { listMigrationNames } from "@/lib/db/migrations";
import { withPlatform } from "@/lib/db/platform";
import { getReadiness } from "@/lib/db/readiness";
import { PLATFORM_ROLE, TENANT_ROLE, withTenant } from "@/lib/db/tenant";
import { createTenantWithRows } from "../helpers/fixtures";
import { createTestDatabase, migrationScripts, type TestDatabase } from "../helpers/test-database";

// Least privilege needs separate logins, and PGlite has exactly one, a
// superuser: SQL injected into a transaction there could RESET ROLE to it.
// These tests therefore run on PostgreSQL only (TEST_DATABASE_URL), with the
// three logins `npm run db:roles` creates, the migrations applied by the
// migrator, and the app's data layer on the tenant and platform logins.
const onPostgres = !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)("database logins on PostgreSQL (skipped on PGlite: its only user is a superuser)", () => {
  let db: TestDatabase;
  let logins: NonNullable<TestDatabase["logins"]>;
  let tenantA = "";
  let tenantB = "";

  beforeAll(async () => {
    db = await createTestDatabase({ leastPrivilege: true });
    logins = db.logins!;
    setDbClient({ tenant: logins.tenant, platform: logins.platform, owner: db.client });
    await withPlatform(async (tx) => {
      tenantA = (await createTenantWithRows(tx, "logins-a")).tenant.id;
      tenantB = (await createTenantWithRows(tx, "logins-b")).tenant.id;
    });
  }, 60_000);

  afterAll(async () => {
    setDbClient(undefined);
    await db?.drop();
  });

  /** Runs `sql` as SQL injected into a tenant transaction of A. */
  const injectAsTenant = (sql: string) => withTenant(tenantA, (tx) => tx.$executeRawUnsafe(sql));

  it("gives the app logins no superuser, no BYPASSRLS, no inheritance, and one role each", async () => {
    const rows = await db.client.$queryRaw<{ login: string; attributes: string; member_of: string[] }[]>`
      SELECT u.rolname::text AS login,
        concat_ws(',', CASE WHEN u.rolsuper THEN 'superuser' END, CASE WHEN u.rolbypassrls THEN 'bypassrls' END,
          CASE WHEN u.rolinherit THEN 'inherit' END, CASE WHEN u.rolcreaterole THEN 'createrole' END) AS attributes,
        ARRAY(SELECT r.rolname::text FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid WHERE m.member = u.oid) AS member_of
      FROM pg_roles u WHERE u.rolname IN (${logins.names.tenant}, ${logins.names.platform}) ORDER BY u.rolname = ${logins.names.platform}`;
    expect(rows).toEqual([
      { login: logins.names.tenant, attributes: "", member_of: [TENANT_ROLE] },
      { login: logins.names.platform, attributes: "", member_of: [PLATFORM_ROLE] },
    ]);
  });

  it("lets the migrator own the schema and every table it migrated", async () => {
    const owners = await db.client.$queryRaw<{ owner: string }[]>`
      SELECT DISTINCT pg_get_userbyid(c.relowner)::text AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'livery_private') AND c.relkind IN ('r', 'p')
      UNION SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = 'public'`;
    expect(owners).toEqual([{ owner: logins.names.migrator }]);
  });

  it("lets the migrator, as itself, read no row of a tenant-owned table (owner, but NOINHERIT and FORCEd)", async () => {
    const migrator = new pg.Client({ connectionString: logins.urls.migrator });
    await migrator.connect();
    try {
      const { rows } = await migrator.query(`SELECT count(*)::int AS n FROM "Content"`);
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await migrator.end();
    }
  });

  it("is idempotent: running db:roles again keeps every password, membership and privilege", async () => {
    const snapshot = () => db.client.$queryRaw<{ state: string }[]>`
      SELECT string_agg(format('%s %s %s', rolname, rolpassword, rolinherit), ';' ORDER BY rolname) ||
        (SELECT string_agg(format('%s>%s', roleid::regrole, member::regrole), ';' ORDER BY 1) FROM pg_auth_members) ||
        (SELECT datacl::text FROM pg_database WHERE datname = current_database()) AS state
      FROM pg_authid WHERE rolname IN (${logins.names.migrator}, ${logins.names.tenant}, ${logins.names.platform})`;
    const before = await snapshot();
    const admin = new pg.Client({
      connectionString: new URL(logins.urls.migrator).toString().replace(/\/\/[^@]+@/, "//postgres@"),
    });
    await admin.connect();
    try {
      const again = await ensureDatabaseLogins(admin, { names: logins.names });
      expect(Object.values(again).map((o) => [o.created, o.password])).toEqual([
        [false, undefined],
        [false, undefined],
        [false, undefined],
      ]);
    } finally {
      await admin.end();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("reports superuser: false for both app logins on /api/ready", async () => {
    const readiness = await getReadiness();
    expect(readiness.database.logins).toEqual({ tenant: { superuser: false }, platform: { superuser: false } });
  });

  it("serves withTenant and withPlatform on the two logins", async () => {
    const own = await withTenant(tenantA, (tx) => tx.content.findMany({ select: { tenantId: true } }));
    expect(new Set(own.map((c) => c.tenantId))).toEqual(new Set([tenantA]));
    const all = await withPlatform((tx) => tx.content.findMany({ select: { tenantId: true } }));
    expect(new Set(all.map((c) => c.tenantId))).toEqual(new Set([tenantA, tenantB]));
  });

  describe("SQL injected into a tenant transaction on the tenant login", () => {
    it("cannot SET ROLE livery_platform", async () => {
      await expect(injectAsTenant(`SET ROLE ${PLATFORM_ROLE}`)).rejects.toThrow(
        /permission denied to set role "livery_platform"/,
      );
    });

    it("cannot SET ROLE to postgres or any other superuser", async () => {
      const superusers = await db.client.$queryRaw<{ name: string }[]>`SELECT rolname::text AS name FROM pg_roles WHERE rolsuper`;
      expect(superusers.map((s) => s.name)).toContain("postgres");
      for (const { name } of superusers) {
        await expect(injectAsTenant(`SET ROLE "${name}"`), name).rejects.toThrow(/permission denied to set role/);
      }
    });

    it("after RESET ROLE is a login that reads no table at all", async () => {
      const tables = await db.client.$queryRaw<{ name: string }[]>`
        SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['public."Content"', "livery_private.tenant_binding_key"]),
      );
      const readable = await db.client.$queryRaw<{ name: string }[]>`
        SELECT name FROM unnest(${tables.map((t) => t.name)}::text[]) AS name
        WHERE has_table_privilege(${logins.names.tenant}, name, 'SELECT, INSERT, UPDATE, DELETE')`;
      expect(readable).toEqual([]);
      for (const { name } of tables) {
        const attempt = withTenant(tenantA, async (tx) => {
          await tx.$executeRawUnsafe("RESET ROLE");
          return tx.$queryRawUnsafe(`SELECT 1 FROM ${name} LIMIT 1`);
        });
        await expect(attempt, name).rejects.toThrow(/permission denied/);
      }
    });

    it("cannot read the binding secret or compute a proof, as the tenant role or after RESET ROLE", async () => {
      for (const prefix of ["", "RESET ROLE; "]) {
        for (const sql of [
          "SELECT secret FROM livery_private.tenant_binding_key",
          `SELECT livery_private.binding_proof('${tenantB}')`,
        ]) {
          const attempt = withTenant(tenantA, async (tx) => {
            if (prefix) await tx.$executeRawUnsafe("RESET ROLE");
            return tx.$queryRawUnsafe(sql);
          });
          await expect(attempt, prefix + sql).rejects.toThrow(/permission denied for schema livery_private/);
        }
      }
    });

    it("cannot create a schema or a table anywhere", async () => {
      for (const sql of [
        "CREATE SCHEMA injected",
        'CREATE TABLE public."Injected" (id int)',
        `CREATE TABLE ${JOB_QUEUE_SCHEMA}.injected (id int)`,
      ]) {
        for (const reset of [false, true]) {
          const attempt = withTenant(tenantA, async (tx) => {
            if (reset) await tx.$executeRawUnsafe("RESET ROLE");
            return tx.$executeRawUnsafe(sql);
          });
          await expect(attempt, sql).rejects.toThrow(/permission denied/);
        }
      }
    });
  });

  describe("after db:reset (the migrator drops public and migrates again)", () => {
    beforeAll(async () => {
      const migrator = new pg.Client({ connectionString: logins.urls.migrator });
      await migrator.connect();
      try {
        await migrator.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        for (const script of await migrationScripts()) await migrator.query(script);
        await migrator.query(`CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL,
          finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz,
          started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
        for (const [i, name] of (await listMigrationNames()).entries()) {
          await migrator.query(
            `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name) VALUES ($1, 'x', now(), $2)`,
            [String(i), name],
          );
        }
      } finally {
        await migrator.end();
      }
    });

    it("is ready on the two app logins, which read the migration status", async () => {
      const readiness = await getReadiness();
      expect(readiness).toMatchObject({ ready: true, database: { migrations: { pending: [] } } });
      expect(readiness.database.logins).toEqual({ tenant: { superuser: false }, platform: { superuser: false } });
    });

    it("still serves withTenant and withPlatform", async () => {
      const tenant = await withPlatform((tx) => createTenantWithRows(tx, "after-reset"));
      const own = await withTenant(tenant.tenant.id, (tx) => tx.content.findMany({ select: { tenantId: true } }));
      expect(own).toEqual([{ tenantId: tenant.tenant.id }]);
    });
  });

  describe("the platform login", () => {
    it("cannot SET ROLE to a superuser, nor to livery_tenant", async () => {
      for (const role of ["postgres", TENANT_ROLE]) {
        const attempt = withPlatform((tx) => tx.$executeRawUnsafe(`SET ROLE "${role}"`));
        await expect(attempt, role).rejects.toThrow(/permission denied to set role/);
      }
    });

    it("owns the job queue's schema, where pg-boss 10 installs itself and runs a job", async () => {
      // pg-boss's install starts with CREATE SCHEMA IF NOT EXISTS, which
      // PostgreSQL checks against CREATE on the database even when the schema
      // exists: without that grant, start() fails with "permission denied for database".
      const boss = new PgBoss({ connectionString: logins.urls.platform, schema: JOB_QUEUE_SCHEMA, max: 1, supervise: false });
      await boss.start();
      try {
        await boss.createQueue("least-privilege-probe");
        const id = await boss.send("least-privilege-probe", { ok: true });
        const [job] = await boss.fetch("least-privilege-probe");
        expect(job?.id).toBe(id);
        await boss.complete("least-privilege-probe", job!.id);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
      const owners = await db.client.$queryRaw<{ owner: string }[]>`
        SELECT DISTINCT pg_get_userbyid(c.relowner)::text AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${JOB_QUEUE_SCHEMA} AND c.relkind IN ('r', 'p')`;
      expect(owners).toEqual([{ owner: logins.names.platform }]);
    });

    it("lets livery_platform use the queue's tables, so withPlatform may enqueue in its own transaction", async () => {
      const client = new pg.Client({ connectionString: logins.urls.platform });
      await client.connect();
      try {
        await client.query("BEGIN");
        await client.query(`CREATE TABLE ${JOB_QUEUE_SCHEMA}.probe (id int)`);
        await client.query(`SET LOCAL ROLE ${PLATFORM_ROLE}`);
        await client.query(`INSERT INTO ${JOB_QUEUE_SCHEMA}.probe VALUES (1)`);
        expect((await client.query(`SELECT count(*)::int AS n FROM ${JOB_QUEUE_SCHEMA}.probe`)).rows).toEqual([{ n: 1 }]);
      } finally {
        await client.query("ROLLBACK");
        await client.end();
      }
    });
  });
});
