import { beforeEach, describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/v1/tenants/[id]/api-keys/[keyId]/route";
import { POST as ROTATE } from "@/app/api/v1/tenants/[id]/api-keys/[keyId]/rotate/route";
import { GET as LIST, POST as CREATE } from "@/app/api/v1/tenants/[id]/api-keys/route";
import { GET as info } from "@/app/api/v1/tenants/current/info/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import type { Permission } from "@/lib/auth/permissions";
import { withPlatform } from "@/lib/db/platform";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, createTestApiKey } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

// H7 (issue #12): a rotation chain — a key and every key it replaced or that
// replaced it — is one key: it counts once toward the plan's limit, revoking
// any of its keys ends every one of its secrets, and lists show it once.

setupTestDatabase();

const ADMIN: Permission[] = ["read:keys", "write:keys", "read:content"];
const HOUR = 3_600_000;
let n = 0;

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

/** A fresh tenant on a plan, with an admin key. */
async function tenantWithAdmin(plan: "free" | "pro") {
  n += 1;
  const tenant = await withPlatform((tx) => tx.tenant.create({ data: { slug: `chain${n}`, name: `Chain ${n}`, plan } }));
  const admin = await createTestApiKey(tenant.id, ADMIN, { name: "admin" });
  return { tenantId: tenant.id, admin: admin.secret };
}

const at = "/tenants/current/api-keys";
const create = (key: string, name: string) =>
  call(CREATE, "POST", at, { key, params: { id: "current" }, body: { name, permissions: ["read:content"] } });
const rotate = (key: string, keyId: string, body: unknown = {}) =>
  call(ROTATE, "POST", `${at}/${keyId}/rotate`, { key, params: { id: "current", keyId }, body });
const revoke = (key: string, keyId: string) =>
  call(DELETE, "DELETE", `${at}/${keyId}`, { key, params: { id: "current", keyId } });
const list = (key: string, query: Record<string, string> = {}) =>
  call(LIST, "GET", at, { key, params: { id: "current" }, query });
const works = async (secret: string) => (await call(info, "GET", "/tenants/current/info", { key: secret })).status === 200;

describe("H7: a rotation chain counts once toward the plan's key limit", () => {
  it("H7: a free tenant (limit 2) that rotated its only other key may still create its second one", async () => {
    const { admin } = await tenantWithAdmin("free");
    // The admin key is one chain; rotating it leaves its old secret working for 24 hours: still one chain.
    const adminRow = (await list(admin)).body.data[0];
    const rotated = await rotate(admin, adminRow.id);
    expect(rotated.status).toBe(201);
    const second = await create(rotated.body.secret, "second");
    expect(second.status).toBe(201);
    const third = await create(rotated.body.secret, "third");
    expect(third).toMatchObject({ status: 403, body: { error: { code: "limit_exceeded" } } });
  });

  it("H7: rotating again and again never leaves more working secrets than one previous per key", async () => {
    const { admin } = await tenantWithAdmin("free");
    const made = await create(admin, "deploy");
    expect(made.status).toBe(201);
    const secrets = [made.body.secret as string];
    let id = made.body.id as string;
    for (let i = 0; i < 5; i++) {
      const next = await rotate(admin, id);
      expect(next.status).toBe(201);
      secrets.push(next.body.secret);
      id = next.body.id;
    }
    // The newest secret and the one before it (in its grace period) work; the four older ones do not.
    const working = await Promise.all(secrets.map(works));
    expect(working).toEqual([false, false, false, false, true, true]);
    // Two keys in all for a plan that allows two, however often one was rotated.
    expect((await create(admin, "one more")).body.error.code).toBe("limit_exceeded");
  });
});

describe("H7: revoking any key of a chain revokes the whole chain", () => {
  it.each([
    ["the new key", "fresh"],
    ["the replaced key", "old"],
  ] as const)("H7: revoking %s stops both secrets at once, though both were cached", async (_, which) => {
    const { admin } = await tenantWithAdmin("pro");
    const old = await create(admin, "ci");
    const fresh = await rotate(admin, old.body.id, { gracePeriodHours: 24 });
    expect(await works(old.body.secret)).toBe(true); // both now in the key cache
    expect(await works(fresh.body.secret)).toBe(true);
    const target = which === "fresh" ? fresh.body.id : old.body.id;
    expect((await revoke(admin, target)).status).toBe(204);
    expect(await works(old.body.secret)).toBe(false);
    expect(await works(fresh.body.secret)).toBe(false);
    const rows = await withPlatform((tx) =>
      tx.tenantApiKey.findMany({ where: { id: { in: [old.body.id, fresh.body.id] } }, select: { revokedAt: true } }),
    );
    expect(rows.every((row) => row.revokedAt !== null && row.revokedAt.getTime() <= Date.now())).toBe(true);
  });

  it("H7: a revocation racing a rotation of the same key leaves no working secret behind", async () => {
    const { admin } = await tenantWithAdmin("pro");
    const old = await create(admin, "race");
    const [revoked, rotated] = await Promise.all([revoke(admin, old.body.id), rotate(admin, old.body.id)]);
    expect(revoked.status).toBe(204);
    expect(await works(old.body.secret)).toBe(false);
    if (rotated.status === 201) expect(await works(rotated.body.secret)).toBe(false);
    else expect(rotated.status).toBe(409);
  });
});

describe("H7: lists show a chain as one key", () => {
  it("H7: the list shows the new key once, rotating, with when the previous secret stops working", async () => {
    const { admin } = await tenantWithAdmin("pro");
    const old = await create(admin, "shown once");
    const started = Date.now();
    const fresh = await rotate(admin, old.body.id, { gracePeriodHours: 2 });
    const named = (await list(admin)).body.data.filter((k: { name: string }) => k.name === "shown once");
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ id: fresh.body.id, status: "rotating", prefix: fresh.body.prefix });
    expect(named[0].previousSecret).toMatchObject({ prefix: old.body.prefix, lastUsedAt: null });
    const until = Date.parse(named[0].previousSecret.expiresAt) - started;
    expect(until).toBeGreaterThanOrEqual(2 * HOUR - 1000);
    expect(until).toBeLessThanOrEqual(2 * HOUR + 5000);
    expect((await list(admin, { status: "rotating" })).body.data.map((k: { id: string }) => k.id)).toEqual([fresh.body.id]);
    expect(fresh.body.previousSecret).toEqual(named[0].previousSecret);
  });

  it("H7: with no grace period the chain is simply active, without a previous secret", async () => {
    const { admin } = await tenantWithAdmin("pro");
    const old = await create(admin, "no grace");
    const fresh = await rotate(admin, old.body.id, { gracePeriodHours: 0 });
    const named = (await list(admin)).body.data.filter((k: { name: string }) => k.name === "no grace");
    expect(named).toEqual([expect.objectContaining({ id: fresh.body.id, status: "active", previousSecret: null })]);
  });
});
