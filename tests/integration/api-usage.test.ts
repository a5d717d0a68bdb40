import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as limits } from "@/app/api/v1/tenants/[id]/limits/route";
import { POST as recordEvent } from "@/app/api/v1/tenants/[id]/usage/events/route";
import { GET as usage } from "@/app/api/v1/tenants/[id]/usage/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { utcDay } from "@/lib/usage/meter";
import { call, createTestApiKey, createTestPlatformKey } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

type T = { id: string; slug: string };
let acme: T;
let globex: T;
let acmeKey: string;
let acmeAllButUsage: string;
let globexKey: string;
let platformKey: string;

const DAY = 86_400_000;
const daysAgo = (n: number) => utcDay(new Date(Date.now() - n * DAY));

beforeAll(async () => {
  [acme, globex] = await withPlatform(async (tx) => [
    await tx.tenant.create({ data: { slug: "acme", name: "Acme", plan: "pro" }, select: { id: true, slug: true } }),
    await tx.tenant.create({ data: { slug: "globex", name: "Globex", plan: "free" }, select: { id: true, slug: true } }),
  ]);
  acmeKey = (await createTestApiKey(acme.id, ["read:usage"])).secret;
  acmeAllButUsage = (await createTestApiKey(acme.id, ["read:content", "write:content", "read:config", "write:config"])).secret;
  globexKey = (await createTestApiKey(globex.id, ["read:usage"])).secret;
  platformKey = await createTestPlatformKey();
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

const getUsage = (id: string, query: Record<string, string> = {}, key = acmeKey) =>
  call(usage, "GET", `/tenants/${id}/usage`, { key, params: { id }, query });

const postEvent = (id: string, body: unknown, key: string | undefined = platformKey) =>
  call(recordEvent, "POST", `/tenants/${id}/usage/events`, { key, params: { id }, body });

async function metric(tenantId: string, day: string) {
  return withTenant(tenantId, (tx) =>
    tx.tenantUsageMetric.findUnique({ where: { tenantId_day: { tenantId, day: new Date(day) } } }),
  );
}

async function state(tenantId: string) {
  return withTenant(tenantId, async (tx) => ({
    events: await tx.usageEvent.findMany({ orderBy: { id: "asc" } }),
    metrics: await tx.tenantUsageMetric.findMany({ orderBy: { day: "asc" } }),
    audits: await tx.auditLog.count(),
  }));
}

describe("GET /tenants/{id}/usage", () => {
  beforeAll(async () => {
    await withPlatform((tx) =>
      tx.tenantUsageMetric.createMany({
        data: [
          {
            tenantId: acme.id,
            day: new Date("2025-01-01"),
            apiCalls: 10n,
            bandwidthBytes: 100n,
            storageBytes: 500n,
            activeUsers: 3,
            revenueCents: 1_000n,
          },
          { tenantId: acme.id, day: new Date("2025-01-03"), apiCalls: 5n, storageBytes: 700n, activeUsers: 2, revenueCents: 50n },
          { tenantId: acme.id, day: new Date("2025-01-05"), apiCalls: 99n, storageBytes: 9_999n }, // outside the range
          { tenantId: globex.id, day: new Date("2025-01-02"), apiCalls: 1_000n },
        ],
      }),
    );
  });

  it("returns one entry per day, flows zero-filled and storage carried, and totals (storage: latest; active users: highest day)", async () => {
    const res = await getUsage(acme.id, { from: "2025-01-01", to: "2025-01-04" });
    expect(res.status).toBe(200);
    const zero = { apiCalls: 0, bandwidthBytes: 0, storageBytes: 0, activeUsers: 0, revenueCents: 0 };
    expect(res.body).toEqual({
      from: "2025-01-01",
      to: "2025-01-04",
      metrics: ["apiCalls", "bandwidthBytes", "storageBytes", "activeUsers", "revenueCents"],
      days: [
        { day: "2025-01-01", apiCalls: 10, bandwidthBytes: 100, storageBytes: 500, activeUsers: 3, revenueCents: 1_000 },
        { day: "2025-01-02", ...zero, storageBytes: 500 },
        { day: "2025-01-03", apiCalls: 5, bandwidthBytes: 0, storageBytes: 700, activeUsers: 2, revenueCents: 50 },
        { day: "2025-01-04", ...zero, storageBytes: 700 },
      ],
      totals: { apiCalls: 15, bandwidthBytes: 100, storageBytes: 700, activeUsers: 3, revenueCents: 1_050 },
    });
  });

  it("carries storage from before the range into it", async () => {
    const res = await getUsage(acme.id, { from: "2025-01-02", to: "2025-01-02", metrics: "storageBytes" });
    expect(res.body.days).toEqual([{ day: "2025-01-02", storageBytes: 500 }]);
    expect(res.body.totals).toEqual({ storageBytes: 500 });
  });

  it("reports only the metrics asked for, in a fixed order, each once", async () => {
    const res = await getUsage(acme.id, { from: "2025-01-01", to: "2025-01-01", metrics: "revenueCents, apiCalls,revenueCents" });
    expect(res.body).toEqual({
      from: "2025-01-01",
      to: "2025-01-01",
      metrics: ["apiCalls", "revenueCents"],
      days: [{ day: "2025-01-01", apiCalls: 10, revenueCents: 1_000 }],
      totals: { apiCalls: 10, revenueCents: 1_000 },
    });
  });

  it("defaults to the last 30 days, today included", async () => {
    const res = await getUsage(acme.id, { metrics: "apiCalls" });
    expect(res.body).toMatchObject({ from: daysAgo(29), to: daysAgo(0) });
    expect(res.body.days).toHaveLength(30);
    expect(res.body.days.at(-1).day).toBe(daysAgo(0));
  });

  it("accepts a range of exactly 366 days", async () => {
    const res = await getUsage(acme.id, { from: "2024-01-01", to: "2024-12-31", metrics: "apiCalls" });
    expect(res.status).toBe(200);
    expect(res.body.days).toHaveLength(366);
  });

  it("includes calls still counted in memory", async () => {
    const today = { from: daysAgo(0), to: daysAgo(0), metrics: "apiCalls" };
    const first = await getUsage(acme.id, today);
    for (let i = 0; i < 3; i += 1) {
      expect((await call(limits, "GET", `/tenants/${acme.id}/limits`, { key: acmeKey, params: { id: acme.id } })).status).toBe(
        200,
      );
    }
    const second = await getUsage(acme.id, today);
    // The three calls, and the first usage request itself (counted as it answered).
    expect(second.body.totals.apiCalls - first.body.totals.apiCalls).toBe(4);
  });

  it("answers for `current`, and a platform key may read any tenant", async () => {
    const range = { from: "2025-01-02", to: "2025-01-02", metrics: "apiCalls" };
    expect((await getUsage("current", range, globexKey)).body.totals).toEqual({ apiCalls: 1_000 });
    expect((await getUsage(globex.id, range, platformKey)).body.totals).toEqual({ apiCalls: 1_000 });
  });

  it.each([
    [{ from: "2025-01-05", to: "2025-01-04" }, ["from"]],
    [{ from: "2024-01-01", to: "2025-01-01" }, ["to"]],
    [{ from: "2025-02-30" }, ["from"]],
    [{ to: "2025-1-1" }, ["to"]],
    [{ metrics: "apiCalls,bogus" }, ["metrics", 1]],
    [{ metrics: "" }, ["metrics", 0]],
  ])("refuses %j with 422 at %j", async (query, path) => {
    const res = await getUsage(acme.id, query);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { path: unknown[] }) => d.path)).toEqual([path]);
  });

  it.each([
    ["no credential", 401, "unauthenticated", () => acme.id, () => undefined],
    ["a key without read:usage", 403, "insufficient_permissions", () => acme.id, () => acmeAllButUsage],
    ["another tenant's id", 404, "not_found", () => globex.id, () => acmeKey],
    ["a malformed id", 404, "not_found", () => "nope", () => acmeKey],
  ])("%s → %i %s", async (_, status, code, id, key) => {
    const res = await call(usage, "GET", `/tenants/${id()}/usage`, { key: key(), params: { id: id() } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(JSON.stringify(res.body)).not.toContain("1000");
  });
});

describe("POST /tenants/{id}/usage/events", () => {
  it("records an event once: 201, its UTC day's figure grows, audited; a retry is 200 and counts nothing", async () => {
    const body = { eventId: "inv-1", metric: "revenueCents", value: 1_999, occurredAt: "2025-03-05T23:30:00-02:00" };
    const first = await postEvent(acme.id, body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventId: "inv-1",
      metric: "revenueCents",
      value: 1_999,
      occurredAt: "2025-03-06T01:30:00.000Z",
      createdAt: expect.any(String),
    });
    expect((await metric(acme.id, "2025-03-06"))?.revenueCents).toBe(1_999n);
    const audit = await withTenant(acme.id, (tx) => tx.auditLog.findFirst({ where: { targetId: first.body.id } }));
    expect(audit).toMatchObject({ action: "usage.event_recorded", actorType: "PLATFORM_API_KEY", targetType: "usage_event" });

    const before = await state(acme.id);
    const retry = await postEvent(acme.id, body);
    expect(retry).toMatchObject({ status: 200, body: first.body });
    // A retry without occurredAt is the same event too (the default "now" is not a new figure).
    const withoutTime = { eventId: body.eventId, metric: body.metric, value: body.value };
    expect((await postEvent(acme.id, withoutTime)).status).toBe(200);
    expect(await state(acme.id)).toEqual(before);
  });

  it.each([
    ["another value", { value: 2_000 }],
    ["another metric", { metric: "bandwidthBytes" }],
    ["another time", { occurredAt: "2025-03-07T00:00:00Z" }],
  ])("refuses the same eventId with %s: 409, nothing changes", async (_, change) => {
    const body = { eventId: "inv-2", metric: "revenueCents", value: 500, occurredAt: "2025-03-06T10:00:00Z" };
    expect((await postEvent(acme.id, body)).status).toBeLessThan(300);
    const before = await state(acme.id);
    const res = await postEvent(acme.id, { ...body, ...change });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", details: { recorded: { eventId: "inv-2", value: 500 } } });
    expect(await state(acme.id)).toEqual(before);
    expect((await metric(acme.id, "2025-03-06"))?.revenueCents).toBe(1_999n + 500n);
  });

  it("adds bandwidth to the day's metered figure and keeps the highest active-user count", async () => {
    await withPlatform((tx) =>
      tx.tenantUsageMetric.create({
        data: { tenantId: acme.id, day: new Date("2025-04-01"), apiCalls: 7n, bandwidthBytes: 100n },
      }),
    );
    const at = "2025-04-01T12:00:00Z";
    const events = [
      { eventId: "bw-1", metric: "bandwidthBytes", value: 50 },
      { eventId: "au-1", metric: "activeUsers", value: 5 },
      { eventId: "au-2", metric: "activeUsers", value: 3 },
    ];
    for (const event of events) expect((await postEvent(acme.id, { ...event, occurredAt: at })).status).toBe(201);
    expect(await metric(acme.id, "2025-04-01")).toMatchObject({ apiCalls: 7n, bandwidthBytes: 150n, activeUsers: 5 });
    await postEvent(acme.id, { eventId: "au-3", metric: "activeUsers", value: 8, occurredAt: at });
    expect((await metric(acme.id, "2025-04-01"))?.activeUsers).toBe(8);
  });

  it("dates an event without occurredAt now, and keeps event ids per tenant", async () => {
    const res = await postEvent(globex.id, { eventId: "inv-1", metric: "revenueCents", value: 7 });
    expect(res.status).toBe(201);
    expect(Math.abs(Date.parse(res.body.occurredAt) - Date.now())).toBeLessThan(60_000);
    expect((await metric(globex.id, daysAgo(0)))?.revenueCents).toBe(7n);
  });

  it("counts two concurrent reports of one event once", async () => {
    const body = { eventId: "race", metric: "revenueCents", value: 10, occurredAt: "2025-05-01T00:00:00Z" };
    const results = await Promise.all([postEvent(acme.id, body), postEvent(acme.id, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(results[0]!.body.id).toBe(results[1]!.body.id);
    expect((await metric(acme.id, "2025-05-01"))?.revenueCents).toBe(10n);
  });

  it.each([
    ["an empty eventId", { eventId: "" }, ["eventId"]],
    ["an eventId over 200 characters", { eventId: "e".repeat(201) }, ["eventId"]],
    ["a metric that is metered internally", { metric: "apiCalls" }, ["metric"]],
    ["a negative value", { value: -1 }, ["value"]],
    ["a fractional value", { value: 1.5 }, ["value"]],
    ["a value as text", { value: "3" }, ["value"]],
    ["too many active users for the column", { metric: "activeUsers", value: 2 ** 31 }, ["value"]],
    ["a time that is not ISO", { occurredAt: "yesterday" }, ["occurredAt"]],
  ])("refuses %s with 422, recording nothing", async (_, change, path) => {
    const before = await state(acme.id);
    const res = await postEvent(acme.id, { eventId: "bad", metric: "revenueCents", value: 1, ...change });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: unknown[] }) => d.path)).toEqual([path]);
    expect(await state(acme.id)).toEqual(before);
  });

  it.each([
    ["no credential", 401, "unauthenticated", () => acme.id, () => undefined],
    ["a tenant key, even its own tenant's", 403, "insufficient_permissions", () => acme.id, () => acmeKey],
    ["an unknown tenant", 404, "not_found", () => "00000000-0000-4000-8000-000000000000", () => platformKey],
    ["a malformed tenant id", 404, "not_found", () => "current", () => platformKey],
  ])("%s → %i %s, recording nothing", async (_, status, code, id, key) => {
    const before = await state(acme.id);
    const res = await postEvent(id(), { eventId: "denied", metric: "revenueCents", value: 1 }, key() ?? "");
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await state(acme.id)).toEqual(before);
  });
});

describe("GET /tenants/{id}/limits", () => {
  let tenant: T;
  let key: string;

  beforeAll(async () => {
    tenant = await withPlatform(async (tx) => {
      const t = await tx.tenant.create({ data: { slug: "counted", name: "Counted", plan: "basic" } });
      await tx.tenantConfig.create({ data: { tenantId: t.id, limits: { users: 4 } } });
      const owner = await tx.user.create({ data: { tenantId: t.id, email: "o@c.test", name: "O", role: "OWNER" } });
      await tx.user.create({ data: { tenantId: t.id, email: "m@c.test", name: "M", role: "MEMBER" } });
      const invite = (email: string, extra: object) =>
        tx.invitation.create({
          data: {
            tenantId: t.id,
            email,
            role: "MEMBER",
            tokenHash: email.padEnd(64, "0").slice(0, 64),
            expiresAt: new Date(Date.now() + DAY),
            invitedById: owner.id,
            ...extra,
          },
        });
      await invite("pending@c.test", {});
      await invite("expired@c.test", { expiresAt: new Date(Date.now() - 1000) });
      await invite("revoked@c.test", { revokedAt: new Date() });
      await invite("accepted@c.test", { acceptedAt: new Date() });
      await tx.content.createMany({
        data: [
          { tenantId: t.id, title: "a", sizeBytes: 1_000 },
          { tenantId: t.id, title: "b", sizeBytes: 234 },
        ],
      });
      await tx.tenantBrandAsset.create({
        data: {
          tenantId: t.id,
          kind: "LOGO",
          contentType: "image/png",
          sizeBytes: 66,
          sha256: "0".repeat(64),
          data: new Uint8Array(66),
        },
      });
      // Pending and verified claims count; expired and lapsed ones do not.
      await tx.tenantDomain.createMany({
        data: (["pending", "verified", "expired", "lapsed"] as const).map((state) => ({
          tenantId: t.id,
          hostname: `${state}.counted.example`,
          verificationToken: state,
          state,
          verifiedAt: state === "verified" || state === "lapsed" ? new Date() : null,
        })),
      });
      return { id: t.id, slug: t.slug };
    });
    key = (await createTestApiKey(tenant.id, ["read:usage"])).secret;
    await createTestApiKey(tenant.id, [], { revokedAt: new Date(Date.now() - 1000) });
    await createTestApiKey(tenant.id, [], { expiresAt: new Date(Date.now() - 1000) });
    await createTestApiKey(tenant.id, [], { revokedAt: new Date(Date.now() + DAY) }); // rotated: usable until then
  });

  it("lists every limit with its use, counted as the checks count it", async () => {
    const res = await call(limits, "GET", `/tenants/${tenant.id}/limits`, { key, params: { id: tenant.id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        { limit: "users", allowed: 4, used: 3, remaining: 1 },
        { limit: "storageBytes", allowed: 1024 ** 3, used: 1_300, remaining: 1024 ** 3 - 1_300 },
        { limit: "apiRatePerMinute", allowed: 300, used: null, remaining: null },
        { limit: "apiKeys", allowed: 5, used: 2, remaining: 3 },
        { limit: "contentItems", allowed: 1_000, used: 2, remaining: 998 },
        { limit: "customDomains", allowed: 2, used: 2, remaining: 0 },
      ],
    });
  });

  it("never reports a negative remainder", async () => {
    await withPlatform((tx) => tx.tenantConfig.update({ where: { tenantId: tenant.id }, data: { limits: { users: 1 } } }));
    resetTenantStatus();
    const res = await call(limits, "GET", "/tenants/current/limits", { key, params: { id: "current" } });
    expect(res.body.data[0]).toEqual({ limit: "users", allowed: 1, used: 3, remaining: 0 });
  });

  it.each([
    ["no credential", 401, "unauthenticated", () => acme.id, () => undefined],
    ["a key without read:usage", 403, "insufficient_permissions", () => acme.id, () => acmeAllButUsage],
    ["another tenant's id", 404, "not_found", () => tenant.id, () => acmeKey],
    ["a malformed id", 404, "not_found", () => "12", () => acmeKey],
  ])("%s → %i %s", async (_, status, code, id, key) => {
    const res = await call(limits, "GET", `/tenants/${id()}/limits`, { key: key(), params: { id: id() } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });
});
