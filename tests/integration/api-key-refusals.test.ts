import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as CREATE_TENANT } from "@/app/api/v1/tenants/route";
import { GET as info } from "@/app/api/v1/tenants/current/info/route";
import { displayPrefix, generateApiKeySecret, hashApiKey } from "@/lib/api-keys/keys";
import { lookUpApiKey, resetApiKeyCache } from "@/lib/api-keys/lookup";
import { withPlatform } from "@/lib/db/platform";
import { resetEnvCache } from "@/lib/env";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, createTestApiKey } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

// H13 (issue #12): a caller learns only that a key is not valid, never why;
// the key's owner finds the why in its audit log; the bootstrap platform key
// is labelled without its secret; invalid keys are limited per client.

setupTestDatabase();

let tenantId: string;
let valid: string;
let revoked: { id: string; secret: string };
let expired: { id: string; secret: string };
let revokedPlatform: string;
const past = () => new Date(Date.now() - 60_000);
const saved = { hops: process.env.TRUSTED_PROXY_HOPS, bootstrap: process.env.PLATFORM_API_KEY };

beforeAll(async () => {
  tenantId = (await withPlatform((tx) => tx.tenant.create({ data: { slug: "refusals", name: "Refusals", plan: "pro" } }))).id;
  valid = (await createTestApiKey(tenantId, ["read:content"], { name: "valid" })).secret;
  revoked = await createTestApiKey(tenantId, ["read:content"], { name: "gone", revokedAt: past() });
  expired = await createTestApiKey(tenantId, ["read:content"], { name: "old", expiresAt: past() });
  revokedPlatform = generateApiKeySecret("platform");
  await withPlatform((tx) =>
    tx.platformApiKey.create({
      data: {
        name: "retired ops",
        prefix: displayPrefix(revokedPlatform),
        hash: hashApiKey(revokedPlatform),
        permissions: [],
        revokedAt: past(),
      },
    }),
  );
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

afterEach(() => {
  vi.useRealTimers();
  for (const [name, value] of [
    ["TRUSTED_PROXY_HOPS", saved.hops],
    ["PLATFORM_API_KEY", saved.bootstrap],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
});

const whoami = (key: string, from?: string) =>
  call(info, "GET", "/tenants/current/info", { key, headers: from ? { "x-forwarded-for": from } : {} });
const refusedAudit = (tenant: string | null, action: string, since = new Date(0)) =>
  withPlatform((tx) =>
    tx.auditLog.findMany({ where: { tenantId: tenant, action, createdAt: { gte: since } }, orderBy: { createdAt: "asc" } }),
  );

describe("H13: one answer for a key that is not valid", () => {
  it("H13: unknown, revoked and expired keys, tenant or platform, get the same status, code and message", async () => {
    const answers = await Promise.all(
      [generateApiKeySecret(), revoked.secret, expired.secret, revokedPlatform, "lv_short"].map(async (key) => {
        const res = await whoami(key);
        return { status: res.status, code: res.body.error.code, message: res.body.error.message };
      }),
    );
    expect(answers[0]).toMatchObject({ status: 401, code: "invalid_api_key" });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it("H13: the reason goes to the key owner's audit log, at most once per key per minute", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    resetEnvCache();
    const since = new Date();
    for (let i = 0; i < 3; i++) {
      await whoami(revoked.secret, "203.0.113.9");
      await whoami(expired.secret, "203.0.113.9");
      await whoami(revokedPlatform, "203.0.113.9");
    }
    const entries = await refusedAudit(tenantId, "api_key.refused", since);
    expect(entries.map((e) => [e.targetId, (e.metadata as { reason: string }).reason])).toEqual([
      [revoked.id, "revoked"],
      [expired.id, "expired"],
    ]);
    expect(entries[0]).toMatchObject({ actorType: "TENANT_API_KEY", actorId: revoked.id, ip: "203.0.113.9" });
    expect(entries[0]?.actorLabel).toContain("gone");
    const platform = await refusedAudit(null, "platform_key.refused", since);
    expect(platform).toHaveLength(1);
    expect(platform[0]?.metadata).toMatchObject({ reason: "revoked", name: "retired ops" });

    // A minute later the next use is recorded again.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    await whoami(revoked.secret);
    expect(await refusedAudit(tenantId, "api_key.refused", since)).toHaveLength(3);
  });

  it("H13: an unknown key writes nothing to any audit log", async () => {
    const before = await withPlatform((tx) => tx.auditLog.count());
    for (let i = 0; i < 3; i++) await whoami(generateApiKeySecret());
    expect(await withPlatform((tx) => tx.auditLog.count())).toBe(before);
  });
});

describe("H13: the bootstrap platform key", () => {
  it("H13: is labelled without any of its secret characters", async () => {
    const secret = `lvp_${"9x8w7z6y".repeat(5)}`;
    process.env.PLATFORM_API_KEY = secret;
    resetEnvCache();
    const known = await lookUpApiKey(secret);
    const res = await call(CREATE_TENANT, "POST", "/tenants", {
      key: secret,
      body: { slug: "boot", name: "Boot", plan: "free" },
    });
    expect(res.status).toBe(201);
    const [entry] = await withPlatform((tx) =>
      tx.auditLog.findMany({ where: { action: "tenant.created", targetId: res.body.id } }),
    );
    const shown = `${known?.prefix} ${known?.name} ${entry?.actorLabel} ${entry?.actorId}`;
    for (const character of new Set(secret.slice(4))) expect(shown).not.toContain(character);
  });
});

describe("H13: invalid keys count toward a per-client limit", () => {
  /** Sends invalid keys until one is answered 429 (at most `max`); returns how many were 401 before it, and the 429. */
  async function floodUntilLimited(from: string | undefined, max: number) {
    for (let i = 0; i < max; i++) {
      const res = await whoami(generateApiKeySecret(), from);
      if (res.status !== 401) return { refusedFirst: i, res };
    }
    return { refusedFirst: max, res: null };
  }

  it("H13: per client address (TRUSTED_PROXY_HOPS=1): 429 with Retry-After once exceeded; others and valid keys unaffected", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    resetEnvCache();
    const { refusedFirst, res } = await floodUntilLimited("198.51.100.7", 100);
    expect(res?.status).toBe(429);
    expect(refusedFirst).toBeGreaterThanOrEqual(10);
    expect(res?.body.error.code).toBe("rate_limited");
    expect(Number(res?.headers.get("retry-after"))).toBeGreaterThan(0);
    // A revoked key from the same client is limited alike: nothing tells it apart from an unknown one.
    expect((await whoami(revoked.secret, "198.51.100.7")).status).toBe(429);
    expect((await whoami(generateApiKeySecret(), "198.51.100.8")).status).toBe(401);
    expect((await whoami(valid, "198.51.100.7")).status).toBe(200);
  });

  it("H13: without a trusted client address, invalid keys share one larger bucket; valid keys still pass", async () => {
    const { refusedFirst, res } = await floodUntilLimited(undefined, 1_000);
    expect(res?.status).toBe(429);
    expect(refusedFirst).toBeGreaterThan(100);
    expect(res?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await whoami(valid)).status).toBe(200);
  });
});
