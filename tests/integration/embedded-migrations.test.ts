import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { newPglite } from "@/lib/db/adapters";
import { describe, expect, it } from "vitest";
import { migrateEmbedded } from "@/lib/db/embedded-migrations";
import { listMigrationNames } from "@/lib/db/migrations";

describe("embedded migrations", () => {
  it("apply every migration once, recorded with Prisma's checksums, roles included", async () => {
    const pglite = newPglite();
    try {
      const names = await listMigrationNames();
      expect(await migrateEmbedded(pglite)).toEqual(names);
      expect(await migrateEmbedded(pglite)).toEqual([]);
      const rows = (
        await pglite.query<{ migration_name: string; checksum: string }>(
          `SELECT migration_name, checksum FROM _prisma_migrations ORDER BY 1`,
        )
      ).rows;
      expect(rows).toEqual(
        names.map((name) => ({
          migration_name: name,
          checksum: createHash("sha256")
            .update(fs.readFileSync(path.resolve("prisma/migrations", name, "migration.sql")))
            .digest("hex"),
        })),
      );
      const roles = (
        await pglite.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname LIKE 'livery_%' ORDER BY 1`)
      ).rows;
      expect(roles.map((r) => r.rolname)).toEqual(["livery_platform", "livery_tenant"]);
    } finally {
      await pglite.close();
    }
  });

  it("survive a close and reopen of the data directory", async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "livery-migrate-"));
    try {
      const first = newPglite(dir);
      await migrateEmbedded(first);
      await first.close();
      const second = newPglite(dir);
      const roles = (await second.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE 'livery_%'`))
        .rows[0]?.n;
      expect(roles).toBe(2);
      expect(await migrateEmbedded(second)).toEqual([]);
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
