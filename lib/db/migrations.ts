import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { rawDb } from "./client";
import { withPlatform } from "./platform";

export type MigrationStatus = { applied: number; expected: number; pending: string[] };

/** Migration folders shipped with the app, oldest first. */
export async function listMigrationNames(dir = path.resolve(process.cwd(), "prisma/migrations")): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

const mentions = (error: unknown, name: string) => String((error as { message?: string }).message).includes(name);
// A database no migration has touched has no platform role yet (PGlite on a first `npm run dev`).
const noSuchRole = (error: unknown) => /role "[^"]+" does not exist/.test(String((error as { message?: string }).message));

/**
 * Names of the migrations Prisma recorded as finished, read as the platform
 * role: neither app login has any privilege on `_prisma_migrations` (nor,
 * after `db:reset`, on the `public` schema itself), so the SECURITY DEFINER
 * function `livery_applied_migrations()` reads it. A database migrated before
 * that function existed is read directly on the platform client, which is
 * then the owner's login (or PGlite's superuser); one never migrated has no
 * table at all (nor, on PGlite, the platform role).
 */
async function appliedMigrationNames(): Promise<string[]> {
  try {
    return await withPlatform(async (tx) => {
      const rows = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM livery_applied_migrations() AS name`;
      return rows.map((r) => r.name);
    });
  } catch (error) {
    if (!mentions(error, "livery_applied_migrations") && !noSuchRole(error)) throw error;
  }
  try {
    const rows = await rawDb("platform").$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return rows.map((r) => r.name);
  } catch (error) {
    // 42P01: the table does not exist yet, i.e. nothing has been migrated.
    if (mentions(error, "_prisma_migrations") && !mentions(error, "permission denied")) return [];
    throw error;
  }
}

/**
 * Compares the shipped migrations with Prisma's `_prisma_migrations` table.
 * Throws when the database cannot be reached.
 */
export async function getMigrationStatus(): Promise<MigrationStatus> {
  const expected = await listMigrationNames();
  const applied = new Set(await appliedMigrationNames());
  return { applied: applied.size, expected: expected.length, pending: expected.filter((name) => !applied.has(name)) };
}
