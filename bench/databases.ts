import { setDbClient } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * Runs `fn` on a fresh in-memory PGlite, then on a fresh PostgreSQL database
 * when TEST_DATABASE_URL names a server, with the app's data layer pointed at it.
 */
export async function onEachDatabase(fn: (db: TestDatabase) => Promise<void>): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  for (const url of serverUrl ? [undefined, serverUrl] : [undefined]) {
    if (url) process.env.TEST_DATABASE_URL = url;
    else delete process.env.TEST_DATABASE_URL;
    const db = await createTestDatabase();
    setDbClient(db.client);
    try {
      await fn(db);
    } finally {
      setDbClient(undefined);
      await db.drop();
    }
  }
  if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
}
