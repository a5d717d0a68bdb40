import { createHash, randomBytes } from "node:crypto";
import { displayPrefix, generateApiKeySecret, hashApiKey } from "@/lib/api-keys/keys";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { withPlatform } from "@/lib/db/platform";
import type { Tx } from "@/lib/db/tenant";
import { getEnv } from "@/lib/env";
import { createTestPlatformKey, sessionCookie } from "../helpers/api";

// Two tenants, each with a recognisable marker in every kind of row a
// response could carry (names, titles, hostnames, key names, audit entries,
// emails), so a response that leaks the other tenant's data is caught by a
// substring search for its marker, slug and row ids.

export type SeededTenant = {
  id: string;
  slug: string;
  marker: string;
  host: string;
  /** Rows a path can name: `{id}` of /content, `{keyId}`, `{domainId}`. */
  rows: { content: string; key: string; domain: string };
  /** Everything that identifies this tenant's data: a response of another tenant must contain none of it. */
  tokens: string[];
};

export type World = {
  own: SeededTenant;
  other: SeededTenant;
  /** Secrets and cookies of the credentials the matrix uses. */
  secrets: {
    ownKey: string;
    otherKey: string;
    revokedKey: string;
    expiredKey: string;
    platformKey: string;
    /** A key of the own tenant holding every permission but one; "none" holds no permission at all. */
    ownKeyWithout: Record<Permission | "none", string>;
    otherOwnerSession: string;
    ownViewerSession: string;
  };
};

/** Slugs and markers of the two tenants: distinctive enough that a substring search finds nothing else. */
export const OWN = { slug: "iso-own-7q3", marker: "ownmark7q3" } as const;
export const OTHER = { slug: "iso-other-9k2", marker: "othermark9k2" } as const;

async function key(tx: Tx, tenantId: string, name: string, permissions: readonly string[], extra: object = {}) {
  const secret = generateApiKeySecret("tenant");
  const row = await tx.tenantApiKey.create({
    data: { tenantId, name, prefix: displayPrefix(secret), hash: hashApiKey(secret), permissions: [...permissions], ...extra },
  });
  return { secret, row };
}

async function seedTenant(tx: Tx, slug: string, marker: string) {
  const tenant = await tx.tenant.create({ data: { slug, name: `Tenant ${marker}`, plan: "enterprise" } });
  const tenantId = tenant.id;
  // Keys are created by the hundred (a fresh row per case): the plan's key limit must not be what refuses them.
  await tx.tenantConfig.create({
    data: {
      tenantId,
      branding: { logoUrl: `https://${marker}.example/logo.png` },
      limits: { apiKeys: 1_000_000, customDomains: 1_000_000 },
      security: { allowedDomains: [`${marker}.example`] },
    },
  });
  const owner = await tx.user.create({
    data: { tenantId, email: `owner@${marker}.example`, name: `${marker} owner`, role: "OWNER" },
  });
  const viewer = await tx.user.create({
    data: { tenantId, email: `viewer@${marker}.example`, name: `${marker} viewer`, role: "VIEWER" },
  });
  const verified = await tx.tenantDomain.create({
    data: {
      tenantId,
      hostname: `portal.${marker}.example`,
      verificationToken: `${marker}-token`,
      state: "verified",
      verifiedAt: new Date(),
      nextCheckAt: new Date(Date.now() + 86_400_000),
    },
  });
  const pending = await tx.tenantDomain.create({
    data: { tenantId, hostname: `pending.${marker}.example`, verificationToken: `${marker}-pending-token` },
  });
  const content = await tx.content.create({
    data: { tenantId, title: `${marker} secret plan`, body: `The ${marker} body`, sizeBytes: 40, createdById: owner.id },
  });
  const draft = await tx.content.create({ data: { tenantId, kind: "nft", title: `${marker} draft`, sizeBytes: 12 } });
  const rowKey = await key(tx, tenantId, `${marker} deploy key`, ["read:content"], { createdById: owner.id });
  const audit = await tx.auditLog.create({
    data: {
      tenantId,
      actorType: "USER",
      actorId: owner.id,
      actorLabel: `owner@${marker}.example`,
      action: "seed.created",
      targetType: "tenant",
      targetId: tenantId,
      metadata: { note: `${marker} was here` },
    },
  });
  await tx.tenantUsageMetric.create({
    data: { tenantId, day: new Date("2026-01-15"), apiCalls: 7n, storageBytes: 52n, revenueCents: 4200n },
  });
  const event = await tx.usageEvent.create({
    data: { tenantId, eventId: `${marker}-evt`, metric: "revenueCents", value: 4200n, occurredAt: new Date("2026-01-15") },
  });
  const invitation = await tx.invitation.create({
    data: {
      tenantId,
      email: `invitee@${marker}.example`,
      role: "MEMBER",
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: owner.id,
    },
  });
  const rowIds = [
    owner.id,
    viewer.id,
    verified.id,
    pending.id,
    content.id,
    draft.id,
    rowKey.row.id,
    audit.id,
    event.id,
    invitation.id,
  ];
  return {
    tenant,
    owner,
    viewer,
    seeded: {
      id: tenantId,
      slug,
      marker,
      host: `${slug}.${getEnv().ROOT_DOMAIN}:3000`,
      rows: { content: content.id, key: rowKey.row.id, domain: pending.id },
      tokens: [tenantId, slug, marker, ...rowIds, rowKey.row.prefix],
    } satisfies SeededTenant,
  };
}

/** Seeds both tenants and every credential the matrix uses. Call once per database. */
export async function seedWorld(): Promise<World> {
  const made = await withPlatform(async (tx) => {
    const own = await seedTenant(tx, OWN.slug, OWN.marker);
    const other = await seedTenant(tx, OTHER.slug, OTHER.marker);
    const all = PERMISSIONS;
    const ownKey = await key(tx, own.tenant.id, `${OWN.marker} full key`, all);
    const otherKey = await key(tx, other.tenant.id, `${OTHER.marker} full key`, all);
    const revoked = await key(tx, own.tenant.id, `${OWN.marker} revoked`, all, { revokedAt: new Date(Date.now() - 60_000) });
    const expired = await key(tx, own.tenant.id, `${OWN.marker} expired`, all, { expiresAt: new Date(Date.now() - 60_000) });
    const without = {} as Record<Permission | "none", string>;
    for (const missing of [...PERMISSIONS, "none"] as const) {
      const granted = missing === "none" ? [] : all.filter((p) => p !== missing);
      without[missing] = (await key(tx, own.tenant.id, `${OWN.marker} without ${missing}`, granted)).secret;
    }
    other.seeded.tokens.push(otherKey.row.id, otherKey.row.prefix);
    own.seeded.tokens.push(ownKey.row.id, ownKey.row.prefix);
    return { own, other, ownKey, otherKey, revoked, expired, without };
  });
  return {
    own: made.own.seeded,
    other: made.other.seeded,
    secrets: {
      ownKey: made.ownKey.secret,
      otherKey: made.otherKey.secret,
      revokedKey: made.revoked.secret,
      expiredKey: made.expired.secret,
      platformKey: await createTestPlatformKey(),
      ownKeyWithout: made.without,
      otherOwnerSession: await sessionCookie(made.other.owner),
      ownViewerSession: await sessionCookie(made.own.viewer),
    },
  };
}

/** Rows made fresh for one case, so a case that deletes or rotates one leaves the next case its own. */
export const freshRows = {
  content: (tenantId: string) =>
    withPlatform((tx) => tx.content.create({ data: { tenantId, title: `${OWN.marker} scratch item`, sizeBytes: 24 } })).then(
      (r) => r.id,
    ),
  key: (tenantId: string) =>
    withPlatform((tx) => key(tx, tenantId, `${OWN.marker} scratch key`, ["read:content"])).then((r) => r.row.id),
  domain: (tenantId: string) =>
    withPlatform((tx) =>
      tx.tenantDomain.create({
        data: { tenantId, hostname: `${randomBytes(6).toString("hex")}.${OWN.marker}.example`, verificationToken: "scratch" },
      }),
    ).then((r) => r.id),
  /** A tenant for the platform's own destructive routes (delete, suspend), so they never hit the two seeded ones. */
  tenant: () =>
    withPlatform((tx) =>
      tx.tenant.create({ data: { slug: `scratch-${randomBytes(5).toString("hex")}`, name: "Scratch", plan: "pro" } }),
    ).then((r) => r.id),
};
