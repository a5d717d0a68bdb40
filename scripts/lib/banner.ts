import { BOOTSTRAP_PLATFORM_KEY } from "@/lib/api-keys/keys";
import { DEMO_PASSWORD, DEMO_TENANTS, SUPER_ADMIN_EMAIL, type SeedResult } from "@/prisma/seed";

/** What a new user needs to try the demo: where to go and how to sign in. */
export function printDemoBanner(seed: SeedResult, options: { rootDomain: string; port: number; embedded: boolean }): void {
  const origin = (host: string) => `http://${host}${options.port === 80 ? "" : `:${options.port}`}`;
  const lines = [
    "",
    "  Livery demo",
    `  database   ${options.embedded ? "embedded PGlite (.data/)" : "PostgreSQL (DATABASE_URL)"}`,
    "",
    `  platform   ${origin(options.rootDomain).padEnd(36)} ${SUPER_ADMIN_EMAIL}`,
    ...DEMO_TENANTS.map((t) => {
      const note = t.suspendedReason ? "(suspended)" : `owner@${t.slug}.test, admin@…, member@…, viewer@…`;
      return `  ${t.slug.padEnd(10)} ${origin(`${t.slug}.${options.rootDomain}`).padEnd(36)} ${note}`;
    }),
    `  password   ${DEMO_PASSWORD}  (every demo account)`,
  ];
  if (seed.apiKeys.length > 0) {
    lines.push("", "  API keys (shown once, only their hashes are stored):");
    for (const key of seed.apiKeys) lines.push(`  ${key.tenant.padEnd(10)} ${key.secret}`);
  } else {
    lines.push("", "  Demo API keys were printed when the demo was first seeded; `npm run db:reset` makes new ones.");
  }
  if (process.env.PLATFORM_API_KEY) {
    // Never a character of the secret: the label is the variable's name and the public `lvp_`.
    const { name, prefix } = BOOTSTRAP_PLATFORM_KEY;
    lines.push("", `  ${name} is set: audit entries name it “${name} (${prefix}…)”.`);
  }
  console.log(`${lines.join("\n")}\n`);
}
