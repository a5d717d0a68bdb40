import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Applies pending migrations to the embedded database in this process, each
 * in its own transaction, recording them in Prisma's `_prisma_migrations`
 * table with Prisma's checksum (SHA-256 of the file) so `prisma migrate
 * status` and `deploy` agree with it.
 *
 * Why not `prisma migrate deploy` here: the CLI never closes the PGlite it is
 * given, and PGlite does not make its last writes durable until it is closed.
 * We saw a fresh database come back without the roles its migrations had just
 * created. This runner closes it before returning.
 */
export async function migrateEmbedded(pglite: PGlite, migrationsDir = path.resolve("prisma/migrations")): Promise<string[]> {
  await pglite.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  const applied = new Set(
    (
      await pglite.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    ).rows.map((r) => r.migration_name),
  );
  const names = (await fs.readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const done: string[] = [];
  for (const name of names.filter((n) => !applied.has(n))) {
    const script = await fs.readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(script).digest("hex");
    await pglite.transaction(async (tx) => {
      await tx.exec(script);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), checksum, name],
      );
    });
    done.push(name);
  }
  return done;
}
