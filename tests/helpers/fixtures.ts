import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/tenant";

/** A tenant with one row in every tenant-owned table, created as the platform. */
export async function createTenantWithRows(tx: Tx, slug: string) {
  const tenant = await tx.tenant.create({ data: { slug, name: `Tenant ${slug}`, plan: "pro" } });
  const tenantId = tenant.id;
  const user = await tx.user.create({ data: { tenantId, email: `owner@${slug}.test`, name: "Owner", role: "OWNER" } });
  await tx.tenantConfig.create({ data: { tenantId, branding: { primaryColor: "#123456" } } });
  await tx.userIdentity.create({
    data: { tenantId, userId: user.id, issuer: "https://login.example.com", subject: `owner-of-${slug}` },
  });
  await tx.tenantDomain.create({
    data: { tenantId, hostname: `portal.${slug}.test`, verificationToken: randomBytes(16).toString("hex") },
  });
  await tx.tenantApiKey.create({
    data: {
      tenantId,
      name: "key",
      prefix: "lv_abcd",
      hash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      permissions: ["read:content"],
      createdById: user.id,
    },
  });
  await tx.tenantUsageMetric.create({ data: { tenantId, day: new Date("2026-01-01"), apiCalls: 10n } });
  await tx.usageEvent.create({
    data: { tenantId, eventId: `evt-${slug}`, metric: "revenueCents", value: 100n, occurredAt: new Date("2026-01-01") },
  });
  await tx.content.create({
    data: { tenantId, title: `Secret of ${slug}`, body: slug, sizeBytes: slug.length, createdById: user.id },
  });
  await tx.auditLog.create({ data: { tenantId, actorType: "SYSTEM", action: "test.created" } });
  await tx.invitation.create({
    data: {
      tenantId,
      email: `invitee@${slug}.test`,
      role: "MEMBER",
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: user.id,
    },
  });
  const png = new Uint8Array(Buffer.from("89504e470d0a1a0a", "hex"));
  await tx.tenantBrandAsset.create({
    data: {
      tenantId,
      kind: "LOGO",
      contentType: "image/png",
      sizeBytes: png.length,
      sha256: createHash("sha256").update(png).digest("hex"),
      data: png,
    },
  });
  const superAdmin = await tx.user.create({
    data: { tenantId: null, email: `root+${slug}@livery.test`, name: "Root", role: "SUPER_ADMIN" },
  });
  await tx.actingTicket.create({
    data: {
      tenantId,
      userId: superAdmin.id,
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      expiresAt: new Date(Date.now() + 60_000),
    },
  });
  return { tenant, user };
}
