import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { rawDb } from "./client";

export type MigrationStatus = { applied: number; expected: number; pending: string[] };

/** Migration folders shipped with the app, oldest first. */
export async function listMigrationNames(dir = path.resolve(process.cwd(), "prisma/migrations")): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Compares the shipped migrations with Prisma's `_prisma_migrations` table.
 * Throws when the database cannot be reached.
 */
export async function getMigrationStatus(): Promise<MigrationStatus> {
  const expected = await listMigrationNames();
  const rows = await rawDb().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.catch((error: unknown) => {
    // 42P01: the table does not exist yet, i.e. nothing has been migrated.
    if (String((error as { message?: string }).message).includes("_prisma_migrations")) return [];
    throw error;
  });
  const applied = new Set(rows.map((r) => r.migration_name));
  return { applied: applied.size, expected: expected.length, pending: expected.filter((name) => !applied.has(name)) };
}
