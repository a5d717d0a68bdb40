import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/v1/tenants/[id]/api-keys/[keyId]/route";
import { POST as ROTATE } from "@/app/api/v1/tenants/[id]/api-keys/[keyId]/rotate/route";
import { GET as LIST, POST as CREATE } from "@/app/api/v1/tenants/[id]/api-keys/route";
import { GET as info } from "@/app/api/v1/tenants/current/info/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import type { Permission } from "@/lib/auth/permissions";
import { withPlatform } from "@/lib/db/platform";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, type CallOptions, createTestApiKey, sessionCookie } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

type T = { id: string; slug: string };
let acme: T; // pro: 20 keys
let globex: T; // free: 2 keys
let listco: T; // only the keys the listing tests make
let acmeAdmin: string;
let acmeNarrow: string; // may write keys, but holds only read:content
let acmeReader: string;
let globexAdmin: { id: string; secret: string };

const ADMIN: Permission[] = ["read:keys", "write:keys", "read:content", "write:content", "read:config"];
const HOUR = 3_600_000;

beforeAll(async () => {
  [acme, globex, listco] = (await withPlatform(async (tx) =>
    Promise.all(
      [
        ["acme", "pro"],
        ["globex", "free"],
        ["listco", "pro"],
      ].map(([slug, plan]) =>
        tx.tenant.create({ data: { slug: slug!, name: slug!, plan: plan as "pro" }, select: { id: true, slug: true } }),
      ),
    ),
  )) as [T, T, T];
  acmeAdmin = (await createTestApiKey(acme.id, ADMIN, { name: "admin" })).secret;
  acmeNarrow = (await createTestApiKey(acme.id, ["write:keys", "read:content"], { name: "narrow" })).secret;
  acmeReader = (await createTestApiKey(acme.id, ["read:keys"], { name: "reader" })).secret;
  globexAdmin = await createTestApiKey(globex.id, ADMIN, { name: "globex admin" });
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

const at = (id = "current") => `/tenants/${id}/api-keys`;
const list = (key: string, query: Record<string, string> = {}, id = "current") =>
  call(LIST, "GET", at(id), { key, params: { id }, query });
const create = (key: string, body: unknown, extra: CallOptions = {}) =>
  call(CREATE, "POST", at(), { key, params: { id: "current" }, body, ...extra });
const revoke = (key: string, keyId: string, id = "current") =>
  call(DELETE, "DELETE", `${at(id)}/${keyId}`, { key, params: { id, keyId } });
const rotate = (key: string, keyId: string, body?: unknown) =>
  call(ROTATE, "POST", `${at()}/${keyId}/rotate`, { key, params: { id: "current", keyId }, body });
const whoami = (key: string) => call(info, "GET", "/tenants/current/info", { key });

/** What a refused request must leave alone (lastUsedAt is written in the background by any use). */
function stateOf(tenantId: string) {
  return withPlatform(async (tx) => ({
    keys: await tx.tenantApiKey.findMany({ where: { tenantId }, omit: { lastUsedAt: true }, orderBy: { id: "asc" } }),
    audit: await tx.auditLog.count({ where: { tenantId } }),
  }));
}

function keyRow(id: string) {
  return withPlatform((tx) => tx.tenantApiKey.findUniqueOrThrow({ where: { id } }));
}

function auditOf(tenantId: string, action: string) {
  return withPlatform((tx) => tx.auditLog.findMany({ where: { tenantId, action }, orderBy: { createdAt: "asc" } }));
}

describe("POST /tenants/{id}/api-keys", () => {
  it("creates a key and shows its secret once; only the hash is stored, and the key works at once", async () => {
    const expiresAt = new Date(Date.now() + 30 * 24 * HOUR).toISOString();
    const res = await create(acmeAdmin, {
      name: " CI deploys ",
      permissions: ["read:content", "read:content"],
      expiresAt,
      rateLimitPerMinute: 30,
    });
    expect(res.status).toBe(201);
    const { secret, ...key } = res.body;
    expect(secret).toMatch(/^lv_[0-9A-Za-z]{40}$/);
    expect(key).toEqual({
      id: expect.any(String),
      name: "CI deploys",
      prefix: secret.slice(0, 10),
      permissions: ["read:content"],
      rateLimitPerMinute: 30,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
      createdAt: expect.any(String),
      status: "active",
      previousSecret: null,
    });
    const row = await keyRow(key.id);
    expect(row.hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(row.createdById).toBeNull();
    const [audit] = await auditOf(acme.id, "api_key.created");
    expect(audit).toMatchObject({ actorType: "TENANT_API_KEY", targetType: "api_key", targetId: key.id });
    expect(audit?.metadata).toMatchObject({ name: "CI deploys", permissions: ["read:content"], rateLimitPerMinute: 30 });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(10));
    expect((await whoami(secret)).status).toBe(200);
    const listed = await list(acmeReader);
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(10));
    expect(JSON.stringify(listed.body)).not.toContain(row.hash);
  });

  it.each([
    ["an empty name", { name: " ", permissions: ["read:content"] }, [["name"]]],
    ["no permissions", { name: "k", permissions: [] }, [["permissions"]]],
    ["an unknown permission", { name: "k", permissions: ["read:content", "admin:all"] }, [["permissions", 1]]],
    ["an expiry in the past", { name: "k", permissions: ["read:content"], expiresAt: "2020-01-01T00:00:00Z" }, [["expiresAt"]]],
    ["an expiry that is no date", { name: "k", permissions: ["read:content"], expiresAt: "next week" }, [["expiresAt"]]],
    ["a zero rate limit", { name: "k", permissions: ["read:content"], rateLimitPerMinute: 0 }, [["rateLimitPerMinute"]]],
    ["an unknown field", { name: "k", permissions: ["read:content"], secret: "lv_mine" }, [[]]],
  ])("%s → 422 at its path, nothing created", async (_, body, paths) => {
    const before = await stateOf(acme.id);
    const res = await create(acmeAdmin, body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { path: unknown[] }) => d.path)).toEqual(paths);
    expect(await stateOf(acme.id)).toEqual(before);
  });

  it.each([
    [
      "no credential",
      () => call(CREATE, "POST", at(), { params: { id: "current" }, body: { name: "k", permissions: ["read:content"] } }),
      401,
      "unauthenticated",
    ],
    [
      "a key without write:keys",
      () => create(acmeReader, { name: "k", permissions: ["read:keys"] }),
      403,
      "insufficient_permissions",
    ],
    [
      "a key granting what it lacks",
      () => create(acmeNarrow, { name: "k", permissions: ["read:content", "write:config"] }),
      403,
      "insufficient_permissions",
    ],
    [
      "another tenant's id",
      () =>
        call(CREATE, "POST", at(globex.id), {
          key: acmeAdmin,
          params: { id: globex.id },
          body: { name: "k", permissions: ["read:content"] },
        }),
      404,
      "not_found",
    ],
  ])("%s → %i %s, nothing created", async (_, request, status, code) => {
    const before = await Promise.all([stateOf(acme.id), stateOf(globex.id)]);
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await Promise.all([stateOf(acme.id), stateOf(globex.id)])).toEqual(before);
  });

  it("a key may grant a subset of its own permissions", async () => {
    const res = await create(acmeNarrow, { name: "reader", permissions: ["read:content"] });
    expect(res.status).toBe(201);
  });

  it("a signed-in user grants only what the role has, and is recorded as the creator", async () => {
    const admin = await withPlatform((tx) =>
      tx.user.create({ data: { tenantId: acme.id, email: "admin@acme.test", name: "A", role: "ADMIN" } }),
    );
    const session = { cookie: await sessionCookie(admin), host: acme, headers: { origin: "http://acme.localhost:3000" } };
    const refused = await call(CREATE, "POST", at(), {
      ...session,
      params: { id: "current" },
      body: { name: "owner-ish", permissions: ["manage:ownership"] },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "insufficient_permissions",
      message: expect.stringContaining("manage:ownership"),
    });
    const res = await call(CREATE, "POST", at(), {
      ...session,
      params: { id: "current" },
      body: { name: "by admin", permissions: ["write:members"] },
    });
    expect(res.status).toBe(201);
    expect((await keyRow(res.body.id)).createdById).toBe(admin.id);
  });
});

describe("the plan's key limit", () => {
  it("counts active keys only and refuses the one past the limit with limit_exceeded", async () => {
    // globex (free, 2 keys) has its admin key; one more fits.
    const second = await create(globexAdmin.secret, { name: "second", permissions: ["read:content"] });
    expect(second.status).toBe(201);
    const before = await stateOf(globex.id);
    const third = await create(globexAdmin.secret, { name: "third", permissions: ["read:content"] });
    expect(third.status).toBe(403);
    expect(third.body.error).toMatchObject({ code: "limit_exceeded", message: expect.stringContaining("free plan allows 2") });
    expect(await stateOf(globex.id)).toEqual(before);

    // Revoked and expired keys do not count.
    expect((await revoke(globexAdmin.secret, second.body.id)).status).toBe(204);
    await createTestApiKey(globex.id, ["read:content"], { expiresAt: new Date(Date.now() - 1000) });
    expect((await create(globexAdmin.secret, { name: "third", permissions: ["read:content"] })).status).toBe(201);
  });

  it("two concurrent creates at the last free slot: exactly one succeeds", async () => {
    const tenant = await withPlatform((tx) => tx.tenant.create({ data: { slug: "hooli", name: "Hooli", plan: "free" } }));
    const { secret } = await createTestApiKey(tenant.id, ["write:keys", "read:content"]);
    const results = await Promise.all(["a", "b"].map((name) => create(secret, { name, permissions: ["read:content"] })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 403]);
    expect(results.find((r) => r.status === 403)?.body.error.code).toBe("limit_exceeded");
    const keys = await withPlatform((tx) => tx.tenantApiKey.count({ where: { tenantId: tenant.id } }));
    expect(keys).toBe(2);
  });
});

describe("DELETE /tenants/{id}/api-keys/{keyId}", () => {
  it("revokes at once: the key is refused on the very next request, though it was cached", async () => {
    const made = await create(acmeAdmin, { name: "to revoke", permissions: ["read:content"] });
    expect((await whoami(made.body.secret)).status).toBe(200); // now in the key cache
    const res = await revoke(acmeAdmin, made.body.id);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    const refused = await whoami(made.body.secret);
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "invalid_api_key" } } });
    expect((await keyRow(made.body.id)).revokedAt).not.toBeNull();
    const audits = await auditOf(acme.id, "api_key.revoked");
    expect(audits.filter((a) => a.targetId === made.body.id)).toHaveLength(1);
  });

  it("is idempotent: revoking again is 204 and changes nothing", async () => {
    const made = await create(acmeAdmin, { name: "twice", permissions: ["read:content"] });
    await revoke(acmeAdmin, made.body.id);
    const before = await stateOf(acme.id);
    expect((await revoke(acmeAdmin, made.body.id)).status).toBe(204);
    expect(await stateOf(acme.id)).toEqual(before);
  });

  it.each([
    ["another tenant's key", () => revoke(acmeAdmin, globexAdmin.id), 404, "not_found"],
    ["a key id that is no UUID", () => revoke(acmeAdmin, "nope"), 404, "not_found"],
    ["a key of this tenant under another tenant's id", () => revoke(acmeAdmin, globexAdmin.id, globex.id), 404, "not_found"],
    ["a key without write:keys", () => revoke(acmeReader, globexAdmin.id), 403, "insufficient_permissions"],
    [
      "no credential",
      () => call(DELETE, "DELETE", `${at()}/${globexAdmin.id}`, { params: { id: "current", keyId: globexAdmin.id } }),
      401,
      "unauthenticated",
    ],
  ])("%s → %i %s, nothing revoked", async (_, request, status, code) => {
    const before = await Promise.all([stateOf(acme.id), stateOf(globex.id)]);
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await Promise.all([stateOf(acme.id), stateOf(globex.id)])).toEqual(before);
    expect((await whoami(globexAdmin.secret)).status).toBe(200);
  });
});

describe("POST /tenants/{id}/api-keys/{keyId}/rotate", () => {
  it("issues a copy with a new secret; the old one works through the grace period", async () => {
    const expiresAt = new Date(Date.now() + 90 * 24 * HOUR).toISOString();
    const old = await create(acmeAdmin, { name: "deploy", permissions: ["read:content"], expiresAt, rateLimitPerMinute: 50 });
    expect((await whoami(old.body.secret)).status).toBe(200);
    const started = Date.now();
    const res = await rotate(acmeAdmin, old.body.id, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "deploy",
      permissions: ["read:content"],
      rateLimitPerMinute: 50,
      expiresAt,
      // One key (a rotation chain) whose previous secret still works.
      status: "rotating",
      previousSecret: expect.objectContaining({ prefix: old.body.prefix, expiresAt: expect.any(String) }),
    });
    expect(res.body.id).not.toBe(old.body.id);
    expect(res.body.secret).not.toBe(old.body.secret);

    const row = await keyRow(old.body.id);
    expect(row.replacedById).toBe(res.body.id);
    expect(row.revokedAt).toBeNull();
    expect(row.expiresAt!.getTime() - started).toBeGreaterThanOrEqual(24 * HOUR - 1000);
    expect(row.expiresAt!.getTime() - started).toBeLessThanOrEqual(24 * HOUR + 5000);
    expect((await whoami(old.body.secret)).status).toBe(200);
    expect((await whoami(res.body.secret)).status).toBe(200);

    const listed = await list(acmeReader, { status: "rotating" });
    expect(listed.body.data.map((k: { id: string }) => k.id)).toEqual([res.body.id]);
    expect(listed.body.data[0].previousSecret.expiresAt).toBe(row.expiresAt!.toISOString());
    const audit = (await auditOf(acme.id, "api_key.rotated")).find((a) => a.targetId === old.body.id);
    expect(audit?.metadata).toMatchObject({ replacedById: res.body.id, gracePeriodHours: 24 });
    expect(JSON.stringify(audit)).not.toContain(res.body.secret.slice(10));
  });

  it("grace 0 refuses the old secret at once", async () => {
    const old = await create(acmeAdmin, { name: "now", permissions: ["read:content"] });
    expect((await whoami(old.body.secret)).status).toBe(200);
    const res = await rotate(acmeAdmin, old.body.id, { gracePeriodHours: 0 });
    expect(res.status).toBe(201);
    expect((await whoami(old.body.secret)).body.error.code).toBe("invalid_api_key");
    expect((await whoami(res.body.secret)).status).toBe(200);
  });

  it("never lets the old secret outlive its own expiry", async () => {
    const expiresAt = new Date(Date.now() + HOUR);
    const old = await create(acmeAdmin, { name: "short", permissions: ["read:content"], expiresAt: expiresAt.toISOString() });
    await rotate(acmeAdmin, old.body.id, { gracePeriodHours: 48 });
    expect((await keyRow(old.body.id)).expiresAt).toEqual(expiresAt);
  });

  it.each([
    ["revoked", { revokedAt: new Date(Date.now() - 1000) }],
    ["expired", { expiresAt: new Date(Date.now() - 1000) }],
  ])("a %s key cannot be rotated → 409 conflict", async (_, extra) => {
    const { id } = await createTestApiKey(acme.id, ["read:content"], extra);
    const before = await stateOf(acme.id);
    const res = await rotate(acmeAdmin, id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(await stateOf(acme.id)).toEqual(before);
  });

  it("a key already rotated cannot be rotated again → 409", async () => {
    const old = await create(acmeAdmin, { name: "once", permissions: ["read:content"] });
    expect((await rotate(acmeAdmin, old.body.id)).status).toBe(201);
    const before = await stateOf(acme.id);
    const again = await rotate(acmeAdmin, old.body.id);
    expect(again).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(await stateOf(acme.id)).toEqual(before);
  });

  it.each([
    ["a grace over 168 hours", () => rotate(acmeAdmin, globexAdmin.id, { gracePeriodHours: 169 }), 422, "validation_failed"],
    ["a negative grace", () => rotate(acmeAdmin, globexAdmin.id, { gracePeriodHours: -1 }), 422, "validation_failed"],
    ["another tenant's key", () => rotate(acmeAdmin, globexAdmin.id), 404, "not_found"],
    ["a key without write:keys", () => rotate(acmeReader, globexAdmin.id), 403, "insufficient_permissions"],
  ])("%s → %i %s", async (_, request, status, code) => {
    const before = await Promise.all([stateOf(acme.id), stateOf(globex.id)]);
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (status === 422) expect(res.body.error.details[0].path).toEqual(["gracePeriodHours"]);
    expect(await Promise.all([stateOf(acme.id), stateOf(globex.id)])).toEqual(before);
  });

  it("a key cannot mint a secret with more permissions than it holds by rotating a stronger key", async () => {
    const strong = await create(acmeAdmin, { name: "strong", permissions: ["read:content", "write:content"] });
    const before = await stateOf(acme.id);
    const res = await rotate(acmeNarrow, strong.body.id);
    expect(res).toMatchObject({ status: 403, body: { error: { code: "insufficient_permissions" } } });
    expect(await stateOf(acme.id)).toEqual(before);
  });
});

describe("GET /tenants/{id}/api-keys", () => {
  let keys: Record<string, string>;
  let listKey: string;

  beforeAll(async () => {
    listKey = (await createTestApiKey(listco.id, ["read:keys"], { name: "lister" })).secret;
    const past = new Date(Date.now() - 1000);
    keys = {
      active: (await createTestApiKey(listco.id, ["read:content"], { name: "active" })).id,
      revoked: (await createTestApiKey(listco.id, ["read:content"], { name: "revoked", revokedAt: past })).id,
      expired: (await createTestApiKey(listco.id, ["read:content"], { name: "expired", expiresAt: past })).id,
    };
    // Distinct creation times, oldest first, so the expected order does not depend on the clock's resolution.
    const order = [
      ["lister", 4],
      ["active", 3],
      ["revoked", 2],
      ["expired", 1],
    ] as const;
    await withPlatform(async (tx) => {
      for (const [name, minutesAgo] of order) {
        await tx.tenantApiKey.updateMany({
          where: { tenantId: listco.id, name },
          data: { createdAt: new Date(Date.now() - minutesAgo * 60_000) },
        });
      }
    });
  });

  it("lists newest first with each key's status, never a secret or hash", async () => {
    const res = await list(listKey);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data.map((k: { name: string; status: string }) => [k.name, k.status])).toEqual([
      ["expired", "expired"],
      ["revoked", "revoked"],
      ["active", "active"],
      ["lister", "active"],
    ]);
    expect(Object.keys(res.body.data[0]).sort()).toEqual(
      [
        "createdAt",
        "expiresAt",
        "id",
        "lastUsedAt",
        "name",
        "permissions",
        "prefix",
        "previousSecret",
        "rateLimitPerMinute",
        "revokedAt",
        "status",
      ].sort(),
    );
  });

  it.each([
    ["active", ["active", "lister"]],
    ["revoked", ["revoked"]],
    ["expired", ["expired"]],
    ["rotating", []],
  ])("?status=%s", async (status, names) => {
    const res = await list(listKey, { status });
    expect(res.body.data.map((k: { name: string }) => k.name)).toEqual(names);
  });

  it("pages with an opaque cursor, in a stable order, without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof list>> = await list(listKey, { limit: "1", ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((k: { id: string }) => k.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen.slice(0, 3)).toEqual([keys.expired, keys.revoked, keys.active]);
    expect(new Set(seen).size).toBe(4);
  });

  it.each([
    ["a forged cursor", { cursor: "bm90IGEgY3Vyc29y" }, 422, "cursor"],
    ["limit 0", { limit: "0" }, 422, "limit"],
    ["limit 101", { limit: "101" }, 422, "limit"],
    ["an unknown status", { status: "paused" }, 422, "status"],
  ])("%s → %i at %s", async (_, query, status, field) => {
    const res = await list(listKey, query);
    expect(res.status).toBe(status);
    expect(res.body.error.details[0].path).toEqual([field]);
  });

  it.each([
    ["no credential", () => call(LIST, "GET", at(), { params: { id: "current" } }), 401, "unauthenticated"],
    [
      "a key without read:keys",
      async () => list((await createTestApiKey(acme.id, ["write:content"])).secret),
      403,
      "insufficient_permissions",
    ],
    ["another tenant's id", () => list(listKey, {}, acme.id), 404, "not_found"],
  ])("%s → %i %s", async (_, request, status, code) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });
});
