// `npm run dev`: validate the environment, migrate and seed the database when
// needed, print where to go and how to sign in, then hand over to `next dev`.
// Extra arguments go to Next: `npm run dev -- -p 4000`.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { disconnectDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { seedDemo } from "@/prisma/seed";
import { printDemoBanner } from "./lib/banner";
import { migrateIfNeeded } from "./lib/migrate";

const require = createRequire(import.meta.url);
const nextArgs = process.argv.slice(2);

function portFromArgs(): number {
  const i = nextArgs.findIndex((a) => a === "-p" || a === "--port");
  const value = i >= 0 ? nextArgs[i + 1] : process.env.PORT;
  return Number(value ?? 3000) || 3000;
}

// Node 20 reached its end of life in April 2026; it still gets a smoke run in CI (README, "Node.js versions").
if (Number(process.versions.node.split(".")[0]) < 22) {
  console.warn(
    `Node.js ${process.version} has reached its end of life. Livery is tested in full on Node 24 and smoke-tested on 22 and 20; ` +
      "support for 20 ends when a dependency needs 22. Node 24 is the one to install.\n",
  );
}

let childEnv: NodeJS.ProcessEnv = process.env;
try {
  const env = getEnv();
  // The Edge middleware cannot read the generated dev secret from DATA_DIR,
  // so the dev server gets it in its environment.
  childEnv = { ...process.env, NEXTAUTH_SECRET: env.NEXTAUTH_SECRET };
  await migrateIfNeeded();
  const seed = await seedDemo();
  // The embedded database belongs to one process at a time: release it for Next.
  await disconnectDb();
  printDemoBanner(seed, { rootDomain: env.ROOT_DOMAIN, port: portFromArgs(), embedded: !env.DATABASE_URL });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", ...nextArgs], {
  stdio: "inherit",
  env: childEnv,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
