import { afterAll, beforeAll } from "vitest";
import { setDbClient } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * Gives the calling test file its own clean, migrated database and makes the
 * app's data layer use it. Returns a handle that is filled in before the
 * file's first test runs.
 */
export function setupTestDatabase(): { current: TestDatabase } {
  const handle = {} as { current: TestDatabase };
  beforeAll(async () => {
    handle.current = await createTestDatabase();
    setDbClient(handle.current.client);
  }, 60_000);
  afterAll(async () => {
    setDbClient(undefined);
    await handle.current?.drop();
  });
  return handle;
}
