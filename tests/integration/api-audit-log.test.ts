import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as createKey } from "@/app/api/v1/tenants/[id]/api-keys/route";
import { GET } from "@/app/api/v1/tenants/[id]/audit-log/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import type { ActorType } from "@/lib/db/generated/prisma/enums";
import { withPlatform } from "@/lib/db/platform";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, createTestApiKey, createTestPlatformKey } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

let acme: string;
let globex: string;
let initech: string; // entries that share one timestamp
let auditor: string;
let globexAuditor: string;
let initechAuditor: string;

// acme's log, oldest first.
const ENTRIES: [action: string, actorType: ActorType, createdAt: string][] = [
  ["member.invited", "USER", "2026-01-01T09:00:00.000Z"],
  ["api_key.created", "TENANT_API_KEY", "2026-01-02T09:00:00.000Z"],
  ["api_key.rotated", "USER", "2026-01-03T09:00:00.000Z"],
  ["config.updated", "PLATFORM_API_KEY", "2026-01-04T09:00:00.000Z"],
  ["api_key.revoked", "TENANT_API_KEY", "2026-01-05T09:00:00.000Z"],
  ["api_keys.exported", "SYSTEM", "2026-01-06T09:00:00.000Z"],
];
const NEWEST_FIRST = ENTRIES.map(([action]) => action).reverse();

beforeAll(async () => {
  [acme, globex, initech] = await withPlatform(async (tx) => {
    const [a, g, i] = [
      await tx.tenant.create({ data: { slug: "acme", name: "Acme", plan: "pro" } }),
      await tx.tenant.create({ data: { slug: "globex", name: "Globex", plan: "pro" } }),
      await tx.tenant.create({ data: { slug: "initech", name: "Initech", plan: "pro" } }),
    ];
    await tx.auditLog.createMany({
      data: ENTRIES.map(([action, actorType, createdAt]) => ({
        tenantId: a.id,
        action,
        actorType,
        actorLabel: `${actorType.toLowerCase()} actor`,
        targetType: "thing",
        targetId: "t-1",
        ip: "203.0.113.7",
        metadata: { n: action },
        createdAt: new Date(createdAt),
      })),
    });
    await tx.auditLog.create({
      data: { tenantId: g.id, action: "api_key.created", actorType: "USER", createdAt: new Date("2026-01-03T12:00:00Z") },
    });
    await tx.auditLog.create({ data: { tenantId: null, action: "tenant.created", actorType: "PLATFORM_API_KEY" } });
    // Matches `api_key.` only if `_` were a LIKE wildcard.
    await tx.auditLog.create({ data: { tenantId: g.id, action: "apiXkey.made", actorType: "SYSTEM" } });
    const same = new Date("2026-02-01T00:00:00Z");
    await tx.auditLog.createMany({
      data: Array.from({ length: 5 }, (_, n) => ({
        tenantId: i.id,
        action: `bulk.${n}`,
        actorType: "SYSTEM" as const,
        createdAt: same,
      })),
    });
    return [a.id, g.id, i.id];
  });
  auditor = (await createTestApiKey(acme, ["read:audit"], { name: "auditor" })).secret;
  globexAuditor = (await createTestApiKey(globex, ["read:audit", "write:keys"], { name: "globex auditor" })).secret;
  initechAuditor = (await createTestApiKey(initech, ["read:audit"])).secret;
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

const log = (key: string, query: Record<string, string> = {}, id = "current") =>
  call(GET, "GET", `/tenants/${id}/audit-log`, { key, params: { id }, query });
const actions = (body: { data: { action: string }[] }) => body.data.map((entry) => entry.action);

describe("GET /tenants/{id}/audit-log", () => {
  it("lists only this tenant's entries, newest first, with who did what from where", async () => {
    const res = await log(auditor);
    expect(res.status).toBe(200);
    expect(actions(res.body)).toEqual(NEWEST_FIRST);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data[2]).toEqual({
      id: expect.any(String),
      action: "config.updated",
      actorType: "PLATFORM_API_KEY",
      actorId: null,
      actorLabel: "platform_api_key actor",
      targetType: "thing",
      targetId: "t-1",
      ip: "203.0.113.7",
      userAgent: null,
      metadata: { n: "config.updated" },
      createdAt: "2026-01-04T09:00:00.000Z",
    });
    expect(actions((await log(globexAuditor, { action: "api_key." })).body)).toEqual(["api_key.created"]);
  });

  it.each([
    ["an exact action", { action: "config.updated" }, ["config.updated"]],
    ["a prefix ending in a dot", { action: "api_key." }, ["api_key.revoked", "api_key.rotated", "api_key.created"]],
    ["a name without the dot, which is exact", { action: "api_key" }, []],
    ["an actor type", { actorType: "USER" }, ["api_key.rotated", "member.invited"]],
    ["a prefix and an actor type", { action: "api_key.", actorType: "TENANT_API_KEY" }, ["api_key.revoked", "api_key.created"]],
    [
      "from (inclusive) and to (exclusive)",
      { from: "2026-01-02T09:00:00Z", to: "2026-01-04T09:00:00Z" },
      ["api_key.rotated", "api_key.created"],
    ],
    ["dates without a time", { from: "2026-01-05" }, ["api_keys.exported", "api_key.revoked"]],
    ["a time with an offset", { to: "2026-01-02T10:00:00+02:00" }, ["member.invited"]],
  ])("filters by %s", async (_, query, expected) => {
    const res = await log(auditor, query);
    expect(res.status).toBe(200);
    expect(actions(res.body)).toEqual(expected);
  });

  it("pages with an opaque cursor, filters kept, ties broken by id", async () => {
    const first = await log(auditor, { limit: "2", action: "api_key." });
    expect(actions(first.body)).toEqual(["api_key.revoked", "api_key.rotated"]);
    const second = await log(auditor, { limit: "2", action: "api_key.", cursor: first.body.nextCursor });
    expect(actions(second.body)).toEqual(["api_key.created"]);
    expect(second.body.nextCursor).toBeNull();

    // Five entries with one timestamp still come out once each, in a stable order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof log>> = await log(initechAuditor, { limit: "2", ...(cursor ? { cursor } : {}) });
      seen.push(...res.body.data.map((entry: { id: string }) => entry.id));
      cursor = res.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it("shows what the API itself records", async () => {
    const made = await call(createKey, "POST", "/tenants/current/api-keys", {
      key: globexAuditor,
      params: { id: "current" },
      body: { name: "new", permissions: ["read:audit"] },
      headers: { "user-agent": "audit-test/1.0" },
    });
    expect(made.status).toBe(201);
    const res = await log(globexAuditor, { action: "api_key.created", limit: "1" });
    expect(res.body.data[0]).toMatchObject({
      actorType: "TENANT_API_KEY",
      actorLabel: expect.stringMatching(/^globex auditor \(lv_/),
      targetType: "api_key",
      targetId: made.body.id,
      userAgent: "audit-test/1.0",
      metadata: { name: "new", permissions: ["read:audit"] },
    });
  });

  it("a platform key reads any tenant's log by id", async () => {
    const res = await log(await createTestPlatformKey(), {}, acme);
    expect(actions(res.body)).toEqual(NEWEST_FIRST);
  });

  it.each([
    ["a from that is no date", { from: "yesterday" }, ["from"]],
    ["to before from", { from: "2026-01-05", to: "2026-01-01" }, ["to"]],
    ["an unknown actor type", { actorType: "ROBOT" }, ["actorType"]],
    ["limit 0", { limit: "0" }, ["limit"]],
    ["a forged cursor", { cursor: Buffer.from('["x","y"]').toString("base64url") }, ["cursor"]],
  ])("%s → 422 at its path", async (_, query, path) => {
    const res = await log(auditor, query);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { path: unknown[] }) => d.path)).toEqual([path]);
  });

  it.each([
    [
      "no credential",
      () => call(GET, "GET", "/tenants/current/audit-log", { params: { id: "current" } }),
      401,
      "unauthenticated",
    ],
    [
      "a key without read:audit",
      async () => log((await createTestApiKey(acme, ["read:config", "read:keys"])).secret),
      403,
      "insufficient_permissions",
    ],
    ["another tenant's id", () => log(auditor, {}, globex), 404, "not_found"],
  ])("%s → %i %s", async (_, request, status, code) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(JSON.stringify(res.body)).not.toContain("api_key");
  });
});
