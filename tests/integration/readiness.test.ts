import { describe, expect, it } from "vitest";
import { createPgliteAdapter, newPglite } from "@/lib/db/adapters";
import { setDbClient } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/prisma/client";
import { getMigrationStatus, listMigrationNames } from "@/lib/db/migrations";
import { getReadiness } from "@/lib/db/readiness";
import { setupTestDatabase } from "../helpers/setup-test-database";

const db = setupTestDatabase();

describe("readiness", () => {
  it("finds every migration pending on an embedded database nothing has touched yet (a first npm run dev)", async () => {
    const pglite = newPglite();
    const empty = new PrismaClient({ adapter: createPgliteAdapter(pglite) });
    setDbClient(empty);
    try {
      // Before, asking as the platform role failed: the role comes with the first migration.
      expect(await getMigrationStatus()).toEqual({
        applied: 0,
        expected: (await listMigrationNames()).length,
        pending: await listMigrationNames(),
      });
    } finally {
      setDbClient(db.current.client);
      await empty.$disconnect();
      await pglite.close();
    }
  });

  it("is not ready while Prisma has no record of the shipped migrations", async () => {
    // The test database is migrated from the SQL files directly, without
    // Prisma's bookkeeping table: exactly what an unmigrated deployment reports.
    const readiness = await getReadiness();
    expect(readiness).toMatchObject({ ready: false, status: "not_ready", database: { reachable: true } });
    expect(readiness.database.migrations?.pending).toEqual(await listMigrationNames());
    expect(readiness.database.problem).toMatch(/db:migrate/);
  });

  it("is ready once every shipped migration is recorded as finished", async () => {
    await db.current.client.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
      id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL,
      logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
    const names = await listMigrationNames();
    for (const [i, name] of names.entries()) {
      await db.current.client.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name)
        VALUES (${String(i)}, 'x', now(), ${name})`;
    }
    const readiness = await getReadiness();
    expect(readiness).toMatchObject({ ready: true, status: "ready", database: { reachable: true, migrations: { pending: [] } } });
    expect(readiness.database.migrations?.applied).toBe(names.length);
  });

  it("reports superuser: true for both app logins when they are a superuser (PGlite's only user; the test server's admin)", async () => {
    // The least-privilege logins report false: tests/integration/database-logins.test.ts.
    const readiness = await getReadiness();
    expect(readiness.database.logins).toEqual({ tenant: { superuser: true }, platform: { superuser: true } });
  });
});
