import { createHash, randomBytes } from "node:crypto";
import { displayPrefix, generateApiKeySecret, hashApiKey } from "@/lib/api-keys/keys";
import type { UserRole } from "@/lib/db/generated/prisma/enums";
import type { Tx } from "@/lib/db/tenant";
import { sessionCookie } from "../helpers/api";
import type { ActionWorld, Row, RowKind, Session } from "./action-world";

// The rows the Server Action world is made of, each named with its tenant's
// marker (tests/isolation/world.ts) so that any of it in a body is caught.

const HOUR = 3_600_000;

/** A session cookie for the user; `actingIn`: a super-admin's acting session in that tenant ("Open as admin"). */
export async function sessionOf(
  user: { id: string; role: string; tenantId: string | null },
  actingIn?: string,
): Promise<Session> {
  const cookie = await sessionCookie({
    id: user.id,
    role: user.role,
    tenantId: actingIn ?? user.tenantId,
    sessionVersion: 0,
    ...(actingIn ? { actingUntil: Date.now() + 2 * HOUR } : {}),
  });
  return { userId: user.id, cookie };
}

export async function userRow(tx: Tx, tenantId: string | null, role: UserRole, marker: string, passwordHash: string) {
  const tag = randomBytes(4).toString("hex");
  const email = `${role.toLowerCase()}-${tag}@${marker}.example`;
  return tx.user.create({ data: { tenantId, email, name: `${marker} ${role} ${tag}`, role, passwordHash } });
}

export async function makeRow(tx: Tx, kind: RowKind, tenantId: string, marker: string, hash: string, dns: ActionWorld["dns"]) {
  const tag = randomBytes(5).toString("hex");
  switch (kind) {
    case "key": {
      const secret = generateApiKeySecret("tenant");
      const data = { tenantId, name: `${marker} key ${tag}`, prefix: displayPrefix(secret), hash: hashApiKey(secret) };
      return { id: (await tx.tenantApiKey.create({ data: { ...data, permissions: ["read:content"] } })).id };
    }
    case "domain": {
      const hostname = `${tag}.${marker}.example`;
      const token = `livery-verify=${tag}`;
      dns.push([`_livery.${hostname}`, [token]]);
      return { id: (await tx.tenantDomain.create({ data: { tenantId, hostname, verificationToken: token } })).id };
    }
    case "member":
      return { id: (await userRow(tx, tenantId, "MEMBER", marker, hash)).id };
    case "invitation": {
      const token = randomBytes(24).toString("base64url");
      const invitation = await tx.invitation.create({
        data: {
          tenantId,
          email: `invited-${tag}@${marker}.example`,
          role: "MEMBER",
          tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
          expiresAt: new Date(Date.now() + 24 * HOUR),
        },
      });
      return { id: invitation.id, token };
    }
  }
}

export async function scratchTenant(tx: Tx, status: "ACTIVE" | "SUSPENDED"): Promise<Row> {
  const slug = `act-scratch-${randomBytes(5).toString("hex")}`;
  const suspension = status === "SUSPENDED" ? { suspendedAt: new Date(), suspendedReason: "scratch" } : {};
  const tenant = await tx.tenant.create({ data: { slug, name: `Scratch ${slug}`, plan: "pro", status, ...suspension } });
  await tx.tenantConfig.create({ data: { tenantId: tenant.id } });
  const secret = generateApiKeySecret("tenant");
  const key = await tx.tenantApiKey.create({
    data: { tenantId: tenant.id, name: "scratch key", prefix: displayPrefix(secret), hash: hashApiKey(secret), permissions: [] },
  });
  return { id: tenant.id, slug, keyId: key.id };
}

/** One row of each table the REST world leaves empty: brand asset, acting ticket, linked identity. */
export async function remainingTables(tx: Tx, tenantId: string, marker: string, userId: string, superAdminId: string) {
  const bytes = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><title>${marker}</title></svg>`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await tx.tenantBrandAsset.create({
    data: { tenantId, kind: "LOGO", contentType: "image/svg+xml", sizeBytes: bytes.length, sha256, data: bytes },
  });
  const tokenHash = createHash("sha256").update(randomBytes(16)).digest("hex");
  await tx.actingTicket.create({ data: { tenantId, userId: superAdminId, tokenHash, expiresAt: new Date(Date.now() - HOUR) } });
  await tx.userIdentity.create({ data: { tenantId, userId, issuer: `https://${marker}.example/idp`, subject: `${marker}-sub` } });
}

export async function platformRow(tx: Tx, kind: string, hash: string): Promise<Row> {
  if (kind === "scratch") return scratchTenant(tx, "ACTIVE");
  if (kind === "suspendedScratch") return scratchTenant(tx, "SUSPENDED");
  if (kind === "superAdmin") {
    const user = await userRow(tx, null, "SUPER_ADMIN", "platform", hash);
    return { id: user.id, cookie: (await sessionOf(user)).cookie };
  }
  if (kind === "platformKey") {
    const secret = generateApiKeySecret("platform");
    const key = await tx.platformApiKey.create({
      data: { name: "actions scratch", prefix: displayPrefix(secret), hash: hashApiKey(secret), permissions: [] },
    });
    return { id: key.id };
  }
  throw new Error(`the action world has no platform pool "${kind}"`);
}
