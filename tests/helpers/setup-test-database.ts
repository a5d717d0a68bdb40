import { afterAll, beforeAll } from "vitest";
import { setDbClient } from "@/lib/db/client";
import { flushUsage } from "@/lib/usage/meter";
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
    // Counts the file's API calls left in the usage meter go to this database
    // now, and a flush already running finishes first: otherwise its timer
    // could write them, after the switch below, to whatever the default
    // client is, or hold a transaction open while the database is dropped.
    await flushUsage();
    setDbClient(undefined);
    await handle.current?.drop();
  });
  return handle;
}
