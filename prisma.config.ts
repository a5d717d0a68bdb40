// Configuration for the Prisma CLI only (migrate, generate); the app builds its
// own client in lib/db/client.ts. Prisma 6.19's WebAssembly schema engine runs
// through a driver adapter, so no engine binary is downloaded.
import { defineConfig } from "prisma/config";
import { createPgliteAdapter, createPostgresAdapter, isPostgresUrl, openPglite } from "./lib/db/adapters";

const databaseUrl = process.env.DATABASE_URL;
const embedded = !isPostgresUrl(databaseUrl);

if (embedded) {
  // The CLI parses the schema's `url` before it looks at the adapter; without
  // a syntactically valid URL it falls back to the native engine and tries to
  // download it. This placeholder is never connected to.
  process.env.DATABASE_URL = "postgresql://embedded.invalid/livery";
}

export default defineConfig({
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  adapter: async () =>
    embedded ? createPgliteAdapter(openPglite(process.env.DATA_DIR ?? ".data")) : createPostgresAdapter(databaseUrl!, { max: 2 }),
});
