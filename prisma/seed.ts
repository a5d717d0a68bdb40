import "server-only";
import { displayPrefix, generateApiKeySecret, hashApiKey } from "@/lib/api-keys/keys";
import { hashPassword } from "@/lib/auth/passwords";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { tenantConfigSchema, type TenantConfigInput } from "@/lib/config/schemas";
import type { Plan, UserRole } from "@/lib/db/generated/prisma/enums";
import { withPlatform } from "@/lib/db/platform";
import { DOMAIN_TIMING } from "@/lib/domains/states";
import type { Tx } from "@/lib/db/tenant";
import { demoUsageSeries } from "./seed-usage";

/** The demo sign-in password for every demo account. Printed by `npm run dev`. */
export const DEMO_PASSWORD = "livery-demo-password";
export const SUPER_ADMIN_EMAIL = "admin@livery.test";
const TENANT_ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const satisfies readonly UserRole[];
/** A demo integration may do everything but manage members and ownership. */
const DEMO_KEY_SCOPES = PERMISSIONS.filter((p) => p !== "write:members" && p !== "manage:ownership");

type DemoTenant = {
  slug: string;
  name: string;
  plan: Plan;
  suspendedReason?: string;
  config: TenantConfigInput;
  domain?: string;
  articles: string[];
};

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: "acme",
    name: "Acme Corporation",
    plan: "pro",
    domain: "portal.acme.test",
    config: {
      branding: {
        primaryColor: "#0f766e",
        accentColor: "#b45309",
        customCss: ".tenant-hero { letter-spacing: -0.01em; }\n.tenant-card { border-radius: 1.25rem; }",
      },
      features: { nft: true, bonds: true },
      limits: {},
      security: { allowedDomains: ["acme.test"] },
      payment: { provider: "manual", currency: "USD", billingEmail: "billing@acme.test" },
    },
    articles: ["Welcome to the Acme portal", "Q3 issuance calendar", "How we price rocket skates"],
  },
  {
    slug: "globex",
    name: "Globex",
    plan: "basic",
    config: {
      branding: { primaryColor: "#1d4ed8", accentColor: "#be185d" },
      features: { bonds: true },
      limits: {},
      security: {},
      payment: { provider: "none" },
    },
    articles: ["Globex investor update", "Bond programme FAQ"],
  },
  {
    slug: "umbrella",
    name: "Umbrella Health",
    plan: "free",
    config: {
      branding: { primaryColor: "#be123c", accentColor: "#475569" },
      features: {},
      limits: {},
      security: {},
      payment: {},
    },
    articles: ["Getting started"],
  },
  {
    slug: "hooli",
    name: "Hooli",
    plan: "enterprise",
    config: {
      branding: { primaryColor: "#fbbf24", accentColor: "#6d28d9" },
      features: { nft: true, bonds: true, fractionalization: true },
      limits: { apiRatePerMinute: 10_000 },
      security: {},
      payment: { provider: "stripe", currency: "USD", billingEmail: "finance@hooli.test" },
    },
    articles: ["Hooli XYZ tokenisation", "Fractional office space", "Nucleus bond series"],
  },
  {
    slug: "initech",
    name: "Initech",
    plan: "basic",
    suspendedReason: "Invoice 2026-0142 is 60 days overdue",
    config: {
      branding: { primaryColor: "#7c2d12", accentColor: "#4d7c0f" },
      features: {},
      limits: {},
      security: {},
      payment: {},
    },
    articles: ["TPS report guidelines"],
  },
];

export type SeedResult = {
  created: boolean;
  /** Secrets of the API keys made by this run; empty when nothing was created. */
  apiKeys: { tenant: string; secret: string }[];
};

/**
 * Creates whatever part of the demo is missing: the super-admin and each demo
 * tenant, found by email and slug. A second run changes nothing; a demo tenant
 * added in a later version appears on the next start. One transaction, so a
 * failed run leaves no partial demo behind.
 */
export async function seedDemo(): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withPlatform(async (tx) => {
    let created = false;
    if (!(await tx.user.findFirst({ where: { tenantId: null, email: SUPER_ADMIN_EMAIL } }))) {
      await tx.user.create({ data: { email: SUPER_ADMIN_EMAIL, name: "Platform Admin", role: "SUPER_ADMIN", passwordHash } });
      created = true;
    }
    const apiKeys: SeedResult["apiKeys"] = [];
    for (const demo of DEMO_TENANTS) {
      if (await tx.tenant.findUnique({ where: { slug: demo.slug } })) continue;
      const secret = await createDemoTenant(tx, demo, passwordHash);
      if (secret) apiKeys.push({ tenant: demo.slug, secret });
      created = true;
    }
    return { created, apiKeys };
  });
}

async function createDemoTenant(tx: Tx, demo: DemoTenant, passwordHash: string): Promise<string | undefined> {
  const suspendedAt = demo.suspendedReason ? new Date() : null;
  const tenant = await tx.tenant.create({
    data: {
      slug: demo.slug,
      name: demo.name,
      plan: demo.plan,
      status: suspendedAt ? "SUSPENDED" : "ACTIVE",
      suspendedReason: demo.suspendedReason ?? null,
      suspendedAt,
    },
  });
  const tenantId = tenant.id;
  await tx.tenantConfig.create({ data: { tenantId, ...tenantConfigSchema.parse(demo.config) } });

  const users = await tx.user.createManyAndReturn({
    data: TENANT_ROLES.map((role) => ({
      tenantId,
      role,
      passwordHash,
      email: `${role.toLowerCase()}@${demo.slug}.test`,
      name: `${demo.name} ${role.charAt(0)}${role.slice(1).toLowerCase()}`,
    })),
  });
  const owner = users.find((u) => u.role === "OWNER")!;

  await tx.content.createMany({
    data: demo.articles.map((title, i) => {
      const body = `${title}. This is demo content for ${demo.name}, visible only inside its own portal.`;
      return { tenantId, title, body, sizeBytes: Buffer.byteLength(body), createdById: users[i % users.length]!.id };
    }),
  });
  if (demo.config.features?.nft) {
    const body = "Limited series of 100 collectible launch badges.";
    await tx.content.create({
      data: { tenantId, kind: "nft", title: "Launch badge", body, sizeBytes: Buffer.byteLength(body), createdById: owner.id },
    });
  }

  if (demo.domain) {
    // Verified as if its TXT record had been found; with no such record in
    // DNS, the daily re-check makes it lapsing a day later (lib/domains/states.ts).
    const now = new Date();
    await tx.tenantDomain.create({
      data: {
        tenantId,
        hostname: demo.domain,
        verificationToken: "demo-verified",
        state: "verified",
        verifiedAt: now,
        lastCheckedAt: now,
        nextCheckAt: new Date(now.getTime() + DOMAIN_TIMING.recheckMs),
      },
    });
  }

  await tx.tenantUsageMetric.createMany({ data: demoUsageSeries(demo.slug, demo.plan, 90).map((day) => ({ tenantId, ...day })) });
  await tx.auditLog.create({
    data: {
      tenantId,
      actorType: "SYSTEM",
      actorLabel: "demo seed",
      action: "tenant.created",
      targetType: "tenant",
      targetId: tenantId,
    },
  });

  if (suspendedAt) return undefined;
  const secret = generateApiKeySecret();
  await tx.tenantApiKey.create({
    data: {
      tenantId,
      name: "Demo integration",
      prefix: displayPrefix(secret),
      hash: hashApiKey(secret),
      permissions: DEMO_KEY_SCOPES,
      createdById: owner.id,
    },
  });
  return secret;
}
