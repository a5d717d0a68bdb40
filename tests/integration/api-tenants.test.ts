import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE as remove, GET as read, PATCH as update } from "@/app/api/v1/tenants/[id]/route";
import { POST as activate } from "@/app/api/v1/tenants/[id]/activate/route";
import { POST as suspend } from "@/app/api/v1/tenants/[id]/suspend/route";
import { GET as info } from "@/app/api/v1/tenants/current/info/route";
import { POST as create, GET as list } from "@/app/api/v1/tenants/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { withPlatform } from "@/lib/db/platform";
import { getEnv } from "@/lib/env";
import { acceptInvitation } from "@/lib/members/invitations";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { PLAN_DEFAULTS } from "@/lib/tenants/plans";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, type CallOptions, createTestApiKey, createTestPlatformKey, sessionCookie } from "../helpers/api";
import { createTenantWithRows } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

type T = { id: string; slug: string };
type Handler = Parameters<typeof call>[0];
let acme: T;
let globex: T;
let platformKey: string;
let acmeKey: string; // every permission: still not a platform credential
let acmeReader: string; // read:config only
let acmeNoConfig: string; // no read:config
let adminCookie: string; // a super-admin's session on the platform host
let ownerCookie: string; // acme's owner, on acme's host

const MISSING = "00000000-0000-4000-8000-000000000000";
const fromPortal = { origin: "http://localhost:3000" };

beforeAll(async () => {
  [acme, globex] = await withPlatform(async (tx) => [
    await tx.tenant.create({ data: { slug: "acme", name: "Acme Corp", plan: "pro" }, select: { id: true, slug: true } }),
    await tx.tenant.create({ data: { slug: "globex", name: "Globex", plan: "free" }, select: { id: true, slug: true } }),
  ]);
  platformKey = await createTestPlatformKey();
  acmeKey = (await createTestApiKey(acme.id, PERMISSIONS)).secret;
  acmeReader = (await createTestApiKey(acme.id, ["read:config"])).secret;
  acmeNoConfig = (await createTestApiKey(acme.id, ["read:content"])).secret;
  const [admin, owner] = await withPlatform(async (tx) => [
    await tx.user.create({ data: { tenantId: null, email: "root@livery.test", name: "Root", role: "SUPER_ADMIN" } }),
    await tx.user.create({ data: { tenantId: acme.id, email: "owner@acme.test", name: "Owner", role: "OWNER" } }),
  ]);
  adminCookie = await sessionCookie(admin);
  ownerCookie = await sessionCookie(owner);
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

/** Everything a tenant request could have changed, to compare before and after a refused one. */
async function snapshot() {
  return withPlatform(async (tx) => ({
    tenants: await tx.tenant.findMany({ orderBy: { id: "asc" }, include: { config: true } }),
    audit: await tx.auditLog.count(),
    invitations: await tx.invitation.count(),
  }));
}

const auditOf = (action: string) =>
  withPlatform((tx) => tx.auditLog.findMany({ where: { action }, orderBy: { createdAt: "asc" } }));

const paths = (body: { error: { details: { path: (string | number)[] }[] } }) => body.error.details.map((d) => d.path.join("."));

describe("who may call", () => {
  const routes: [string, Handler, string, string, CallOptions][] = [
    ["POST /tenants", create, "POST", "/tenants", { body: { name: "X", slug: "x-co", plan: "free" } }],
    ["GET /tenants", list, "GET", "/tenants", {}],
    ["PATCH /tenants/{id}", update, "PATCH", "/tenants/{id}", { body: { plan: "enterprise" } }],
    ["DELETE /tenants/{id}", remove, "DELETE", "/tenants/{id}", {}],
    ["POST /tenants/{id}/suspend", suspend, "POST", "/tenants/{id}/suspend", { body: { reason: "x" } }],
    ["POST /tenants/{id}/activate", activate, "POST", "/tenants/{id}/activate", {}],
  ];

  it.each(routes)("%s: 401 without a credential, 403 for a tenant key or tenant session, nothing changes", async (...row) => {
    const [, handler, method, template, options] = row;
    const path = template.replace("{id}", acme.id);
    const params = { id: acme.id };
    const before = await snapshot();
    const none = await call(handler, method, path, { ...options, params });
    expect(none).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    const key = await call(handler, method, path, { ...options, params, key: acmeKey });
    expect(key).toMatchObject({ status: 403, body: { error: { code: "insufficient_permissions" } } });
    const session = await call(handler, method, path, {
      ...options,
      params,
      cookie: ownerCookie,
      host: acme,
      headers: { origin: "http://acme.localhost:3000" },
    });
    expect(session).toMatchObject({ status: 403, body: { error: { code: "insufficient_permissions" } } });
    expect(await snapshot()).toEqual(before);
  });

  it("GET /tenants/{id}: 401 without a credential", async () => {
    const res = await call(read, "GET", `/tenants/${acme.id}`, { params: { id: acme.id } });
    expect(res).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
  });
});

describe("POST /tenants", () => {
  it("creates the tenant with its config and an audit entry", async () => {
    const res = await call(create, "POST", "/tenants", {
      key: platformKey,
      body: { name: "  Initech ", slug: " Initech ", plan: "basic" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug: "initech",
      name: "Initech",
      plan: "basic",
      status: "ACTIVE",
      suspendedReason: null,
      suspendedAt: null,
      domains: [],
      limits: PLAN_DEFAULTS.basic.limits,
      limitOverrides: {},
      invitation: null,
    });
    expect(res.body.createdAt).toBe(res.body.updatedAt);
    const stored = await withPlatform((tx) =>
      tx.tenant.findUniqueOrThrow({ where: { id: res.body.id }, include: { config: true, invitations: true } }),
    );
    expect(stored).toMatchObject({ slug: "initech", plan: "basic", config: { limits: {} }, invitations: [] });
    const [entry] = (await auditOf("tenant.created")).filter((e) => e.tenantId === res.body.id);
    expect(entry).toMatchObject({ actorType: "PLATFORM_API_KEY", targetId: res.body.id, metadata: { slug: "initech" } });
  });

  it("invites the first owner: a one-time link on the tenant's host that lib/members accepts", async () => {
    const res = await call(create, "POST", "/tenants", {
      cookie: adminCookie,
      headers: fromPortal,
      body: { name: "Hooli", slug: "hooli", plan: "pro", ownerEmail: " Gavin@Hooli.TEST " },
    });
    expect(res.status).toBe(201);
    const root = getEnv().ROOT_DOMAIN;
    const match = new RegExp(`^http://hooli\\.${root.replace(/\./g, "\\.")}:3000/invite/([A-Za-z0-9_-]{43})$`).exec(
      res.body.invitation.url,
    );
    expect(match, res.body.invitation.url).not.toBeNull();
    const token = match![1]!;
    const expiresIn = Date.parse(res.body.invitation.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(6.99 * 86_400_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 86_400_000);

    const [invitation] = await withPlatform((tx) => tx.invitation.findMany({ where: { tenantId: res.body.id } }));
    expect(invitation).toMatchObject({
      email: "gavin@hooli.test",
      role: "OWNER",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      invitedById: null,
    });
    const invited = await auditOf("member.invited");
    expect(invited.find((e) => e.tenantId === res.body.id)).toMatchObject({
      actorType: "USER",
      actorLabel: "root@livery.test",
      targetId: invitation!.id,
    });

    await acceptInvitation(res.body.id, token, { name: "Gavin", password: "Hooli-Nucleus-2026!" });
    const owner = await withPlatform((tx) => tx.user.findFirstOrThrow({ where: { tenantId: res.body.id } }));
    expect(owner).toMatchObject({ email: "gavin@hooli.test", role: "OWNER" });
  });

  it("409 when the slug is taken, in any letter case; nothing changes", async () => {
    const before = await snapshot();
    const res = await call(create, "POST", "/tenants", {
      key: platformKey,
      body: { name: "Another Acme", slug: "ACME", plan: "free", ownerEmail: "a@b.test" },
    });
    expect(res).toMatchObject({ status: 409, body: { error: { code: "conflict", details: [{ path: ["slug"] }] } } });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["no body fields", {}, ["name", "slug", "plan"]],
    ["a reserved slug", { name: "W", slug: "www", plan: "free" }, ["slug"]],
    ["a slug with a dot", { name: "W", slug: "a.b.c", plan: "free" }, ["slug"]],
    ["an unknown plan", { name: "W", slug: "w-co", plan: "gold" }, ["plan"]],
    ["a blank name", { name: "  ", slug: "w-co", plan: "free" }, ["name"]],
    ["a bad owner email", { name: "W", slug: "w-co", plan: "free", ownerEmail: "nope" }, ["ownerEmail"]],
  ])("422 for %s, with field paths; nothing changes", async (_, body, fields) => {
    const before = await snapshot();
    const res = await call(create, "POST", "/tenants", { key: platformKey, body });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(paths(res.body)).toEqual(fields);
    expect(await snapshot()).toEqual(before);
  });
});

describe("GET /tenants", () => {
  type Row = { id: string; slug: string; name: string; plan: string; status: string; createdAt: Date };
  let rows: Row[] = [];
  const base = Date.parse("2026-01-01T00:00:00.000Z");

  // 26 tenants with deliberate ties: three createdAt values and five names, so
  // every sort has to fall back on id to stay stable across pages.
  beforeAll(async () => {
    rows = await withPlatform(async (tx) => {
      await tx.tenant.createMany({
        data: Array.from({ length: 25 }, (_, i) => ({
          slug: `page-${String(i).padStart(2, "0")}`,
          name: `Paged ${i % 5}`,
          plan: i % 2 ? ("pro" as const) : ("basic" as const),
          createdAt: new Date(base + (i % 3) * 1000),
          ...(i % 4 === 0 ? { status: "SUSPENDED" as const, suspendedAt: new Date(), suspendedReason: "test" } : {}),
        })),
      });
      const page3 = await tx.tenant.findUniqueOrThrow({ where: { slug: "page-03" } });
      await tx.tenantDomain.create({ data: { tenantId: page3.id, hostname: "claimed.example.org", verificationToken: "t" } });
      await tx.tenant.create({ data: { slug: "half-off", name: "Half_Price 50% Off", plan: "free" } });
      // A search for "page-" finds page-05 by its slug and by two hostnames
      // (listed once all the same), and "by-domain" by a hostname alone.
      const page5 = await tx.tenant.findUniqueOrThrow({ where: { slug: "page-05" } });
      await tx.tenantDomain.createMany({
        data: ["page-05.example.org", "www.page-05.example.org"].map((hostname) => ({
          tenantId: page5.id,
          hostname,
          verificationToken: "t",
        })),
      });
      const byDomain = await tx.tenant.create({
        data: { slug: "by-domain", name: "Paged 2", plan: "pro", createdAt: new Date(base + 1000) },
      });
      await tx.tenantDomain.create({ data: { tenantId: byDomain.id, hostname: "page-x.example.net", verificationToken: "t" } });
      return tx.tenant.findMany({ where: { OR: [{ slug: { startsWith: "page-" } }, { id: byDomain.id }] } });
    });
  });

  const compare = (key: "createdAt" | "slug" | "name", dir: 1 | -1) => (a: Row, b: Row) => {
    const [x, y] = key === "createdAt" ? [a.createdAt.getTime(), b.createdAt.getTime()] : [a[key], b[key]];
    if (x !== y) return (x < y ? -1 : 1) * dir;
    return (a.id < b.id ? -1 : 1) * dir;
  };

  async function walk(query: Record<string, string>, limit: number) {
    const slugs: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(list, "GET", "/tenants", {
        key: platformKey,
        query: { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      slugs.push(...res.body.data.map((t: { slug: string }) => t.slug));
      sizes.push(res.body.data.length);
      cursor = res.body.nextCursor;
    } while (cursor && sizes.length < 50);
    return { slugs, sizes };
  }

  it.each([
    [undefined, "createdAt", -1],
    ["createdAt", "createdAt", 1],
    ["-createdAt", "createdAt", -1],
    ["slug", "slug", 1],
    ["-slug", "slug", -1],
    ["name", "name", 1],
    ["-name", "name", -1],
  ] as const)("sort=%s walks every row exactly once, in (key, id) order", async (sort, key, dir) => {
    const { slugs, sizes } = await walk({ q: "page-", ...(sort ? { sort } : {}) }, 7);
    expect(sizes).toEqual([7, 7, 7, 5]);
    expect(slugs).toEqual([...rows].sort(compare(key, dir)).map((r) => r.slug));
  });

  it("defaults to 20 a page, with the full tenant shape", async () => {
    const res = await call(list, "GET", "/tenants", { key: platformKey, query: { q: "page-" } });
    expect(res.body.data).toHaveLength(20);
    expect(typeof res.body.nextCursor).toBe("string");
    expect(res.body.data[0]).toEqual({
      id: expect.any(String),
      slug: expect.stringMatching(/^page-/),
      name: expect.any(String),
      plan: expect.any(String),
      status: expect.any(String),
      suspendedReason: expect.toBeOneOf([null, "test"]),
      suspendedAt: expect.toBeOneOf([null, expect.any(String)]),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      domains: [],
      limits: expect.objectContaining({ users: expect.any(Number) }),
      limitOverrides: {},
    });
  });

  it.each([
    ["plan", { q: "page-", plan: "pro" }, (r: Row) => r.plan === "pro"],
    ["status in lower case", { q: "page-", status: "suspended" }, (r: Row) => r.status === "SUSPENDED"],
    ["plan and status", { q: "page-", plan: "BASIC", status: "Active" }, (r: Row) => r.plan === "basic" && r.status === "ACTIVE"],
  ])("filters by %s, across pages", async (_, query, keep) => {
    const { slugs } = await walk(query, 3);
    const expected = rows.filter(keep).sort(compare("createdAt", -1));
    expect(expected.length).toBeGreaterThan(3);
    expect(slugs).toEqual(expected.map((r) => r.slug));
  });

  it.each([
    ["a slug", "PAGE-07", ["page-07"]],
    ["a name", "acme corp", ["acme"]],
    ["a custom domain, verified or not", "Claimed.Example", ["page-03"]],
    ["LIKE wildcards taken literally", "%", ["half-off"]],
    ["an underscore taken literally", "f_p", ["half-off"]],
    ["a lone underscore only where there is one", "_", ["half-off"]],
    ["nothing", "no-such-tenant", []],
  ])("q matches %s, case-insensitively", async (_, q, slugs) => {
    const res = await call(list, "GET", "/tenants", { key: platformKey, query: { q } });
    expect(res.body.data.map((t: { slug: string }) => t.slug)).toEqual(slugs);
    expect(res.body.nextCursor).toBeNull();
  });

  it("a super-admin session lists too", async () => {
    const res = await call(list, "GET", "/tenants", { cookie: adminCookie, query: { q: "page-0", limit: "3" } });
    expect(res.body.data).toHaveLength(3);
  });

  it.each([
    ["limit 0", { limit: "0" }, "limit"],
    ["limit over 100", { limit: "101" }, "limit"],
    ["a non-numeric limit", { limit: "ten" }, "limit"],
    ["an unknown sort", { sort: "size" }, "sort"],
    ["an unknown status", { status: "deleted" }, "status"],
    ["an unknown plan", { plan: "gold" }, "plan"],
    ["a forged cursor", { cursor: "bm90LWEtY3Vyc29y" }, "cursor"],
  ])("422 for %s", async (_, query, field) => {
    const res = await call(list, "GET", "/tenants", { key: platformKey, query });
    expect(res).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect(paths(res.body)).toEqual([field]);
  });

  it("422 for a cursor made for another sort", async () => {
    const first = await call(list, "GET", "/tenants", { key: platformKey, query: { sort: "slug", limit: "2" } });
    const res = await call(list, "GET", "/tenants", {
      key: platformKey,
      query: { sort: "name", cursor: first.body.nextCursor },
    });
    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(["cursor"]);
  });
});

describe("GET /tenants/{id}", () => {
  beforeAll(async () => {
    await withPlatform(async (tx) => {
      await tx.tenantConfig.create({ data: { tenantId: acme.id, limits: { users: 75 } } });
      await tx.tenantDomain.createMany({
        data: [
          { tenantId: acme.id, hostname: "portal.acme.test", verificationToken: "t1", state: "verified", verifiedAt: new Date() },
          { tenantId: acme.id, hostname: "pending.acme.test", verificationToken: "t2" },
        ],
      });
    });
  });

  it("a platform key reads any tenant: verified domains only, effective limits and the overrides", async () => {
    const res = await call(read, "GET", `/tenants/${acme.id}`, { key: platformKey, params: { id: acme.id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: acme.id,
      slug: "acme",
      name: "Acme Corp",
      plan: "pro",
      status: "ACTIVE",
      suspendedReason: null,
      suspendedAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      domains: ["portal.acme.test"],
      limits: { ...PLAN_DEFAULTS.pro.limits, users: 75 },
      limitOverrides: { users: 75 },
    });
  });

  it("a tenant reads itself with read:config (key or session), and no other tenant", async () => {
    const own = await call(read, "GET", `/tenants/${acme.id}`, { key: acmeReader, params: { id: acme.id } });
    expect(own.body).toMatchObject({ id: acme.id, limits: { users: 75 } });
    const session = await call(read, "GET", `/tenants/${acme.id}`, { cookie: ownerCookie, host: acme, params: { id: acme.id } });
    expect(session.body.id).toBe(acme.id);
    const other = await call(read, "GET", `/tenants/${globex.id}`, { key: acmeReader, params: { id: globex.id } });
    expect(other).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(JSON.stringify(other.body)).not.toContain("Globex");
    const current = await call(read, "GET", "/tenants/current", { key: acmeReader, params: { id: "current" } });
    expect(current.body.id).toBe(acme.id);
    const unscoped = await call(read, "GET", `/tenants/${acme.id}`, { key: acmeNoConfig, params: { id: acme.id } });
    expect(unscoped).toMatchObject({ status: 403, body: { error: { code: "insufficient_permissions" } } });
  });

  it.each([
    ["an unknown id", MISSING],
    ["a malformed id", "not-a-uuid"],
  ])("404 for %s", async (_, id) => {
    const res = await call(read, "GET", `/tenants/${id}`, { key: platformKey, params: { id } });
    expect(res).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});

describe("PATCH /tenants/{id}", () => {
  let tenant: T;
  let tenantKey: string;
  beforeAll(async () => {
    tenant = await withPlatform((tx) =>
      tx.tenant.create({ data: { slug: "umbrella", name: "Umbrella", plan: "pro" }, select: { id: true, slug: true } }),
    );
    tenantKey = (await createTestApiKey(tenant.id, ["read:config"])).secret;
  });
  const patch = (body: unknown, key = platformKey, id = tenant.id) =>
    call(update, "PATCH", `/tenants/${id}`, { key, params: { id }, body });

  it("renames, changes the plan and merges limit overrides, effective at once", async () => {
    expect((await call(info, "GET", "/tenants/current/info", { key: tenantKey })).body.plan).toBe("pro"); // now cached
    const first = await patch({ name: "Umbrella Corp", limits: { users: 500, apiKeys: 40 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      name: "Umbrella Corp",
      limitOverrides: { users: 500, apiKeys: 40 },
      limits: { ...PLAN_DEFAULTS.pro.limits, users: 500, apiKeys: 40 },
    });
    expect(Date.parse(first.body.updatedAt)).toBeGreaterThan(Date.parse(first.body.createdAt));

    // A downgrade is allowed; null removes one override and keeps the other.
    const second = await patch({ plan: "free", limits: { apiKeys: null } });
    expect(second.body).toMatchObject({
      plan: "free",
      limitOverrides: { users: 500 },
      limits: { ...PLAN_DEFAULTS.free.limits, users: 500 },
    });
    expect(second.body.limitOverrides).not.toHaveProperty("apiKeys");
    const now = await call(info, "GET", "/tenants/current/info", { key: tenantKey });
    expect(now.body).toMatchObject({ plan: "free", limits: { users: 500, apiKeys: 2 }, features: { nft: false } });

    const entries = (await auditOf("tenant.updated")).filter((e) => e.tenantId === tenant.id);
    expect(entries.map((e) => e.metadata)).toEqual([
      { name: { from: "Umbrella", to: "Umbrella Corp" }, limits: { from: {}, to: { users: 500, apiKeys: 40 } } },
      { plan: { from: "pro", to: "free" }, limits: { from: { users: 500, apiKeys: 40 }, to: { users: 500 } } },
    ]);
  });

  it("a body that changes nothing returns the tenant and records nothing", async () => {
    const before = await snapshot();
    const res = await patch({ plan: "free", limits: { contentItems: null } });
    expect(res.body).toMatchObject({ id: tenant.id, plan: "free" });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["a negative limit", { limits: { users: -1 } }, ["limits.users"]],
    ["a fractional limit", { limits: { apiKeys: 1.5 } }, ["limits.apiKeys"]],
    ["an unknown limit", { limits: { seats: 3 } }, ["limits"]],
    ["an unknown plan", { plan: "gold" }, ["plan"]],
    ["a blank name", { name: "" }, ["name"]],
    ["a field that cannot be patched", { slug: "other" }, [""]],
  ])("422 for %s, with field paths; nothing changes", async (_, body, fields) => {
    const before = await snapshot();
    const res = await patch(body);
    expect(res).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect(paths(res.body)).toEqual(fields);
    expect(await snapshot()).toEqual(before);
  });

  it("404 for an unknown or malformed id", async () => {
    expect((await patch({ name: "X" }, platformKey, MISSING)).status).toBe(404);
    expect((await patch({ name: "X" }, platformKey, "nope")).body.error.code).toBe("not_found");
  });
});

describe("suspend and activate", () => {
  let tenant: T;
  let tenantKey: string;
  beforeAll(async () => {
    tenant = await withPlatform((tx) =>
      tx.tenant.create({ data: { slug: "soylent", name: "Soylent", plan: "basic" }, select: { id: true, slug: true } }),
    );
    tenantKey = (await createTestApiKey(tenant.id, ["read:config"])).secret;
  });
  const post = (handler: Handler, action: string, body?: unknown, id = tenant.id) =>
    call(handler, "POST", `/tenants/${id}/${action}`, { key: platformKey, params: { id }, body });

  it("suspends at once (the tenant's key is refused), then reactivates", async () => {
    expect((await call(info, "GET", "/tenants/current/info", { key: tenantKey })).status).toBe(200); // now cached
    const suspended = await post(suspend, "suspend", { reason: "  Unpaid invoice " });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ id: tenant.id, status: "SUSPENDED", suspendedReason: "Unpaid invoice" });
    expect(Date.parse(suspended.body.suspendedAt)).toBeGreaterThan(Date.now() - 60_000);
    const refused = await call(read, "GET", `/tenants/${tenant.id}`, { key: tenantKey, params: { id: tenant.id } });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "tenant_suspended" } } });
    const byPlatform = await call(read, "GET", `/tenants/${tenant.id}`, { key: platformKey, params: { id: tenant.id } });
    expect(byPlatform.body.status).toBe("SUSPENDED");

    const active = await post(activate, "activate");
    expect(active.body).toMatchObject({ status: "ACTIVE", suspendedReason: null, suspendedAt: null });
    expect((await call(info, "GET", "/tenants/current/info", { key: tenantKey })).status).toBe(200);
    const actions = (
      await withPlatform((tx) => tx.auditLog.findMany({ where: { tenantId: tenant.id }, orderBy: { createdAt: "asc" } }))
    ).map((e) => [e.action, e.actorType]);
    expect(actions).toEqual([
      ["tenant.suspended", "PLATFORM_API_KEY"],
      ["tenant.activated", "PLATFORM_API_KEY"],
    ]);
  });

  it.each([
    ["no reason", {}],
    ["a blank reason", { reason: "   " }],
    ["a reason over 500 characters", { reason: "x".repeat(501) }],
  ])("422 for %s; nothing changes", async (_, body) => {
    const before = await snapshot();
    const res = await post(suspend, "suspend", body);
    expect(res).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect(paths(res.body)).toEqual(["reason"]);
    expect(await snapshot()).toEqual(before);
  });

  it("404 for a tenant that does not exist", async () => {
    expect((await post(suspend, "suspend", { reason: "x" }, MISSING)).body.error.code).toBe("not_found");
    expect((await post(activate, "activate", undefined, MISSING)).status).toBe(404);
  });
});

describe("DELETE /tenants/{id}", () => {
  it("removes the tenant and everything it owns, keeps a platform audit entry, and forgets its keys at once", async () => {
    const { tenant } = await withPlatform((tx) => createTenantWithRows(tx, "doomed"));
    const { secret } = await createTestApiKey(tenant.id, ["read:config"]);
    expect((await call(info, "GET", "/tenants/current/info", { key: secret })).status).toBe(200); // key and tenant cached

    const res = await call(remove, "DELETE", `/tenants/${tenant.id}`, { key: platformKey, params: { id: tenant.id } });
    expect(res).toMatchObject({ status: 204, body: null });

    const left = await withPlatform(async (tx) => {
      const where = { tenantId: tenant.id };
      return [
        await tx.tenant.count({ where: { id: tenant.id } }),
        await tx.tenantConfig.count({ where }),
        await tx.tenantDomain.count({ where }),
        await tx.tenantApiKey.count({ where }),
        await tx.tenantUsageMetric.count({ where }),
        await tx.usageEvent.count({ where }),
        await tx.user.count({ where }),
        await tx.content.count({ where }),
        await tx.auditLog.count({ where }),
        await tx.invitation.count({ where }),
        await tx.tenantBrandAsset.count({ where }),
      ];
    });
    expect(left).toEqual(Array(11).fill(0));
    const [entry] = await withPlatform((tx) =>
      tx.auditLog.findMany({ where: { action: "tenant.deleted", targetId: tenant.id } }),
    );
    expect(entry).toMatchObject({
      tenantId: null,
      actorType: "PLATFORM_API_KEY",
      actorLabel: expect.stringContaining("test platform key"),
      metadata: { slug: "doomed", name: "Tenant doomed", plan: "pro" },
    });
    const after = await call(info, "GET", "/tenants/current/info", { key: secret });
    expect(after).toMatchObject({ status: 401, body: { error: { code: "invalid_api_key" } } });

    const again = await call(remove, "DELETE", `/tenants/${tenant.id}`, { key: platformKey, params: { id: tenant.id } });
    expect(again).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it("leaves other tenants alone", async () => {
    const res = await call(read, "GET", `/tenants/${globex.id}`, { key: platformKey, params: { id: globex.id } });
    expect(res.body).toMatchObject({ slug: "globex", name: "Globex" });
  });
});
