// npm run db:roles — creates or updates Livery's three PostgreSQL logins
// (migrator, tenant, platform) for one database, from an administrator's URL:
//
//   DATABASE_ADMIN_URL=postgres://postgres@db:5432/livery npm run db:roles
//   … npm run db:roles -- --migrator app_owner --tenant app_tenant --platform app_platform
//
// Passwords: LIVERY_DB_MIGRATOR_PASSWORD, LIVERY_DB_TENANT_PASSWORD and
// LIVERY_DB_PLATFORM_PASSWORD set them (kept out of argv, which `ps` shows).
// A login created without one gets a generated password, printed once in the
// URLs below; an existing login without one keeps its password. Safe to run
// again at any time. See lib/db/logins.ts for what each login may do.
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import {
  DEFAULT_LOGIN_NAMES,
  ensureDatabaseLogins,
  foreignOwnedObjects,
  type LoginKind,
  type LoginOutcome,
} from "@/lib/db/logins";

const roleName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case PostgreSQL role name");
const password = z
  .string()
  .regex(/^[\x21-\x7e]{16,128}$/, "must be 16–128 printable ASCII characters without spaces")
  .optional();
const inputSchema = z.object({
  DATABASE_ADMIN_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/i, "must be the postgres:// URL of an administrator"),
  LIVERY_DB_MIGRATOR_PASSWORD: password,
  LIVERY_DB_TENANT_PASSWORD: password,
  LIVERY_DB_PLATFORM_PASSWORD: password,
  migrator: roleName.default(DEFAULT_LOGIN_NAMES.migrator),
  tenant: roleName.default(DEFAULT_LOGIN_NAMES.tenant),
  platform: roleName.default(DEFAULT_LOGIN_NAMES.platform),
});

const VARIABLE: Record<LoginKind, string> = {
  migrator: "DATABASE_URL",
  tenant: "DATABASE_TENANT_URL",
  platform: "DATABASE_PLATFORM_URL",
};

function urlFor(adminUrl: string, outcome: LoginOutcome): string {
  const url = new URL(adminUrl);
  url.username = outcome.name;
  url.password = outcome.password ?? "";
  return url.toString();
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { migrator: { type: "string" }, tenant: { type: "string" }, platform: { type: "string" } },
  });
  const parsed = inputSchema.safeParse({ ...process.env, ...values });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`db:roles: ${issue.path.join(".")} ${issue.message}`);
    return 2;
  }
  const input = parsed.data;
  const names = { migrator: input.migrator, tenant: input.tenant, platform: input.platform };
  if (new Set(Object.values(names)).size !== 3) {
    console.error("db:roles: the three logins need three different names");
    return 2;
  }

  const admin = new pg.Client({ connectionString: input.DATABASE_ADMIN_URL });
  await admin.connect();
  try {
    const outcome = await ensureDatabaseLogins(admin, {
      names,
      passwords: {
        migrator: input.LIVERY_DB_MIGRATOR_PASSWORD,
        tenant: input.LIVERY_DB_TENANT_PASSWORD,
        platform: input.LIVERY_DB_PLATFORM_PASSWORD,
      },
    });
    const { host, pathname } = new URL(input.DATABASE_ADMIN_URL);
    console.log(`Livery's database logins for ${pathname.slice(1) || "(default database)"} on ${host}:`);
    for (const kind of ["migrator", "tenant", "platform"] as const) {
      const o = outcome[kind];
      const note = o.password ? (o.created ? "created" : "password set") : "up to date, password unchanged";
      console.log(`  ${kind.padEnd(9)}${o.name.padEnd(24)}${note}`);
    }
    console.log("\nConfigure the app with (passwords are shown only now; add the unchanged ones yourself):");
    for (const kind of ["migrator", "tenant", "platform"] as const) {
      console.log(`  ${VARIABLE[kind]}=${urlFor(input.DATABASE_ADMIN_URL, outcome[kind])}`);
    }
    console.log("DATABASE_URL is for `npm run db:migrate` and the scripts; the running app needs only the other two.");

    const foreign = await foreignOwnedObjects(admin, names.migrator);
    if (foreign.length > 0) {
      const owners = [...new Set(foreign.map((f) => f.owner))].join(", ");
      console.warn(
        `\nWarning: ${foreign.length} table(s) in public are owned by ${owners}, not ${names.migrator}; migrations ` +
          `run as ${names.migrator} will fail on them. Either name that owner as the migrator ` +
          `(npm run db:roles -- --migrator <owner>) or change their owner.`,
      );
    }
    return 0;
  } finally {
    await admin.end();
  }
}

try {
  process.exit(await main());
} catch (error) {
  console.error(`db:roles: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
