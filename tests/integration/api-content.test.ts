import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getOne, PATCH as update, DELETE as remove } from "@/app/api/v1/content/[id]/route";
import { GET as list, POST as create } from "@/app/api/v1/content/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { utcDay } from "@/lib/usage/meter";
import { call, createTestApiKey, sessionCookie } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

type T = { id: string; slug: string };
let acme: T; // pro, with bonds switched off
let globex: T; // free
let tight: T; // pro, limits overridden to 2 items and 40 bytes
let acmeKey: string;
let acmeReader: string;
let acmeUsageOnly: string;
let globexKey: string;
let tightKey: string;

async function tenant(slug: string, plan: "free" | "pro", config?: { features?: object; limits?: object }): Promise<T> {
  return withPlatform(async (tx) => {
    const row = await tx.tenant.create({ data: { slug, name: slug, plan }, select: { id: true, slug: true } });
    if (config) {
      await tx.tenantConfig.create({
        data: {
          tenantId: row.id,
          features: (config.features ?? {}) as Prisma.InputJsonObject,
          limits: (config.limits ?? {}) as Prisma.InputJsonObject,
        },
      });
    }
    return row;
  });
}

beforeAll(async () => {
  acme = await tenant("acme", "pro", { features: { bonds: false } });
  globex = await tenant("globex", "free");
  tight = await tenant("tight", "pro", { limits: { contentItems: 2, storageBytes: 40 } });
  acmeKey = (await createTestApiKey(acme.id, ["read:content", "write:content"])).secret;
  acmeReader = (await createTestApiKey(acme.id, ["read:content"])).secret;
  acmeUsageOnly = (await createTestApiKey(acme.id, ["read:usage"])).secret;
  globexKey = (await createTestApiKey(globex.id, ["read:content", "write:content"])).secret;
  tightKey = (await createTestApiKey(tight.id, ["read:content", "write:content"])).secret;
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

const post = (key: string, body: unknown) => call(create, "POST", "/content", { key, body });
const item = (id: string) => ({ params: { id } });

/** Everything a content request may change: rows, audit entries and the storage figure. */
async function state(tenantId: string) {
  return withTenant(tenantId, async (tx) => ({
    content: await tx.content.findMany({ orderBy: { id: "asc" } }),
    audits: await tx.auditLog.count(),
    storage: (await tx.tenantUsageMetric.findMany()).map((m) => [m.day.toISOString(), m.storageBytes]),
  }));
}

async function todaysStorage(tenantId: string): Promise<bigint | undefined> {
  const row = await withTenant(tenantId, (tx) =>
    tx.tenantUsageMetric.findUnique({ where: { tenantId_day: { tenantId, day: new Date(utcDay()) } } }),
  );
  return row?.storageBytes;
}

async function clear(tenantId: string) {
  await withTenant(tenantId, (tx) => tx.content.deleteMany());
}

describe("POST /content", () => {
  it("creates an article by default, sized in UTF-8 bytes, audited, and metered as storage", async () => {
    const res = await post(acmeKey, { title: "  Héllo  ", body: "naïve €" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: "article",
      title: "Héllo",
      body: "naïve €",
      sizeBytes: 6 + 10, // é is 2 bytes; ï 2, € 3
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      updatedAt: res.body.createdAt,
    });
    const audit = await withTenant(acme.id, (tx) => tx.auditLog.findFirst({ where: { targetId: res.body.id } }));
    expect(audit).toMatchObject({ action: "content.created", actorType: "TENANT_API_KEY", targetType: "content" });
    expect(await todaysStorage(acme.id)).toBe(16n);
    const row = await withTenant(acme.id, (tx) => tx.content.findUnique({ where: { id: res.body.id } }));
    expect(row).toMatchObject({ tenantId: acme.id, sizeBytes: 16, createdById: null });
  });

  it("records the signed-in member as the author; a viewer may not write", async () => {
    const [member, viewer] = await withPlatform(async (tx) => [
      await tx.user.create({ data: { tenantId: acme.id, email: "m@acme.test", name: "M", role: "MEMBER" } }),
      await tx.user.create({ data: { tenantId: acme.id, email: "v@acme.test", name: "V", role: "VIEWER" } }),
    ]);
    const origin = { origin: "http://acme.localhost:3000" };
    const body = { title: "By a member" };
    const byMember = await call(create, "POST", "/content", {
      cookie: await sessionCookie(member!),
      host: acme,
      headers: origin,
      body,
    });
    expect(byMember.status).toBe(201);
    const row = await withTenant(acme.id, (tx) => tx.content.findUnique({ where: { id: byMember.body.id } }));
    expect(row?.createdById).toBe(member!.id);
    const before = await state(acme.id);
    const byViewer = await call(create, "POST", "/content", {
      cookie: await sessionCookie(viewer!),
      host: acme,
      headers: origin,
      body,
    });
    expect(byViewer).toMatchObject({ status: 403, body: { error: { code: "insufficient_permissions" } } });
    expect(await state(acme.id)).toEqual(before);
  });

  it.each([
    ["an empty title", { title: "  " }, [["title"]]],
    ["a title over 200 characters", { title: "x".repeat(201) }, [["title"]]],
    ["a body over 100,000 characters", { title: "ok", body: "x".repeat(100_001) }, [["body"]]],
    ["an unknown kind and no title", { kind: "poem" }, [["kind"], ["title"]]],
    ["a body that is not text", { title: "ok", body: 42 }, [["body"]]],
  ])("refuses %s with 422 and the field paths, creating nothing", async (_, body, paths) => {
    const before = await state(acme.id);
    const res = await post(acmeKey, body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { path: string[] }) => d.path)).toEqual(paths);
    expect(await state(acme.id)).toEqual(before);
  });

  it.each([
    ["nft on pro", () => acmeKey, "nft", 201, undefined, undefined],
    ["bond switched off by the tenant", () => acmeKey, "bond", 403, "feature_disabled", /bonds feature/],
    ["fraction, not in pro", () => acmeKey, "fraction", 403, "plan_required", /enterprise plan/],
    ["nft on free", () => globexKey, "nft", 403, "plan_required", /pro plan/],
    ["bond on free", () => globexKey, "bond", 403, "plan_required", /basic plan/],
    ["article on free", () => globexKey, "article", 201, undefined, undefined],
  ])("kind %s → %i %s", async (_, key, kind, status, code, message) => {
    const tenantId = key() === acmeKey ? acme.id : globex.id;
    const before = await state(tenantId);
    const res = await post(key(), { kind, title: `A ${kind}` });
    expect(res.status).toBe(status);
    if (status === 201) {
      expect(res.body.kind).toBe(kind);
    } else {
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message!);
      expect(await state(tenantId)).toEqual(before);
    }
  });
});

describe("limits", () => {
  beforeEach(() => clear(tight.id));

  it("refuses an item past contentItems, saying the limit and the use", async () => {
    expect((await post(tightKey, { title: "one" })).status).toBe(201);
    expect((await post(tightKey, { title: "two" })).status).toBe(201);
    const before = await state(tight.id);
    const res = await post(tightKey, { title: "three" });
    expect(res).toMatchObject({ status: 403, body: { error: { code: "limit_exceeded" } } });
    expect(res.body.error.message).toBe("Content limit reached: the plan allows 2 items and 2 exist.");
    expect(await state(tight.id)).toEqual(before);
  });

  it("counts content and brand assets toward storageBytes, on create and when an update grows an item", async () => {
    const asset = await withTenant(tight.id, (tx) =>
      tx.tenantBrandAsset.create({
        data: {
          tenantId: tight.id,
          kind: "LOGO",
          contentType: "image/png",
          sizeBytes: 20,
          sha256: "0".repeat(64),
          data: new Uint8Array(20),
        },
      }),
    );
    try {
      const first = await post(tightKey, { title: "0123456789" }); // 10 bytes: 30 of 40 used
      expect(first.status).toBe(201);
      expect(await todaysStorage(tight.id)).toBe(30n);
      const before = await state(tight.id);
      const tooBig = await post(tightKey, { title: "0123456789a" }); // 11 more
      expect(tooBig.status).toBe(403);
      expect(tooBig.body.error).toMatchObject({
        code: "limit_exceeded",
        message: "Storage limit reached: the plan allows 40 bytes, 30 are used and this change needs 11 more.",
      });
      const grow = await call(update, "PATCH", `/content/${first.body.id}`, {
        key: tightKey,
        ...item(first.body.id),
        body: { body: "x".repeat(11) },
      });
      expect(grow.body.error.code).toBe("limit_exceeded");
      expect(await state(tight.id)).toEqual(before);
      // Shrinking is always allowed, and lowers the figure.
      const shrink = await call(update, "PATCH", `/content/${first.body.id}`, {
        key: tightKey,
        ...item(first.body.id),
        body: { title: "tiny" },
      });
      expect(shrink).toMatchObject({ status: 200, body: { sizeBytes: 4 } });
      expect(await todaysStorage(tight.id)).toBe(24n);
    } finally {
      await withTenant(tight.id, (tx) => tx.tenantBrandAsset.delete({ where: { id: asset.id } }));
    }
  });

  it("lets exactly one of two concurrent creates take the last slot", async () => {
    expect((await post(tightKey, { title: "one" })).status).toBe(201);
    const results = await Promise.all([post(tightKey, { title: "a" }), post(tightKey, { title: "b" })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 403]);
    expect(results.find((r) => r.status === 403)!.body.error.code).toBe("limit_exceeded");
    expect(await withTenant(tight.id, (tx) => tx.content.count())).toBe(2);
  });
});

describe("GET /content", () => {
  let ids: string[] = [];

  beforeAll(async () => {
    await clear(globex.id);
    // Three rows share one timestamp, so the id must break the tie for paging to be stable.
    const same = new Date("2026-01-01T00:00:00Z");
    const rows = [
      { title: "Alpha report", kind: "article" as const, createdAt: new Date("2025-12-01T00:00:00Z") },
      { title: "beta REPORT", kind: "article" as const, createdAt: same },
      { title: "Gamma", kind: "article" as const, createdAt: same },
      { title: "Delta report", kind: "article" as const, createdAt: same },
      { title: "Epsilon", kind: "article" as const, createdAt: new Date("2026-02-01T00:00:00Z") },
    ];
    const created = await withTenant(globex.id, (tx) =>
      Promise.all(rows.map((data) => tx.content.create({ data: { tenantId: globex.id, ...data } }))),
    );
    ids = created.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
  });

  it("pages newest first with an opaque cursor, each row exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { limit: "2", ...(cursor ? { cursor } : {}) };
      const res = await call(list, "GET", "/content", { key: globexKey, query });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it("filters by kind and by a case-insensitive part of the title", async () => {
    const reports = await call(list, "GET", "/content", { key: globexKey, query: { q: "report" } });
    expect(reports.body.data.map((c: { title: string }) => c.title).sort()).toEqual([
      "Alpha report",
      "Delta report",
      "beta REPORT",
    ]);
    expect(reports.body.nextCursor).toBeNull();
    const nfts = await call(list, "GET", "/content", { key: acmeKey, query: { kind: "nft" } });
    expect(nfts.body.data.length).toBeGreaterThan(0);
    expect(nfts.body.data.every((c: { kind: string }) => c.kind === "nft")).toBe(true);
  });

  it("shows only the caller's tenant", async () => {
    const res = await call(list, "GET", "/content", { key: acmeKey, query: { limit: "100" } });
    const titles = res.body.data.map((c: { title: string }) => c.title);
    expect(titles).not.toContain("Gamma");
    expect(titles.length).toBe(await withTenant(acme.id, (tx) => tx.content.count()));
  });

  it.each([
    [{ cursor: "not-a-cursor" }, ["cursor"]],
    [{ cursor: Buffer.from('["2026-01-01", "x"]').toString("base64url") }, ["cursor"]],
    [{ limit: "0" }, ["limit"]],
    [{ limit: "101" }, ["limit"]],
    [{ kind: "poem" }, ["kind"]],
  ])("refuses %j with 422 on %j", async (query, path) => {
    const res = await call(list, "GET", "/content", { key: globexKey, query });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toEqual(path);
  });
});

describe("GET, PATCH, DELETE /content/{id}", () => {
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    mine = (await post(acmeKey, { title: "Mine", body: "body" })).body.id;
    theirs = (await post(globexKey, { title: "Theirs" })).body.id;
  });

  it("reads one item", async () => {
    const res = await call(getOne, "GET", `/content/${mine}`, { key: acmeReader, ...item(mine) });
    expect(res).toMatchObject({ status: 200, body: { id: mine, title: "Mine", body: "body", sizeBytes: 8, kind: "article" } });
  });

  it("updates the given fields, resizes, and audits which changed", async () => {
    const before = await call(getOne, "GET", `/content/${mine}`, { key: acmeKey, ...item(mine) });
    const res = await call(update, "PATCH", `/content/${mine}`, { key: acmeKey, ...item(mine), body: { title: "Mine, edited" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: mine,
      title: "Mine, edited",
      body: "body",
      sizeBytes: 16,
      createdAt: before.body.createdAt,
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(before.body.updatedAt));
    const audit = await withTenant(acme.id, (tx) =>
      tx.auditLog.findFirst({ where: { targetId: mine, action: "content.updated" }, orderBy: { createdAt: "desc" } }),
    );
    expect(audit?.metadata).toMatchObject({ changed: ["title"], sizeBytes: 16 });
  });

  it.each([
    ["nothing to change", {}, 422, "validation_failed"],
    ["an empty title", { title: "" }, 422, "validation_failed"],
    ["a kind the plan lacks", { kind: "fraction" }, 403, "plan_required"],
    ["a kind switched off", { kind: "bond" }, 403, "feature_disabled"],
  ])("refuses %s (%i %s) and changes nothing", async (_, body, status, code) => {
    const before = await state(acme.id);
    const res = await call(update, "PATCH", `/content/${mine}`, { key: acmeKey, ...item(mine), body });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await state(acme.id)).toEqual(before);
  });

  it.each([
    ["another tenant's id", () => theirs],
    ["an unknown id", () => "00000000-0000-4000-8000-000000000000"],
    ["a malformed id", () => "not-a-uuid"],
  ])("answers 404 for %s on every method, changing nothing", async (_, id) => {
    const before = [await state(acme.id), await state(globex.id)];
    const options = { key: acmeKey, ...item(id()) };
    const responses = [
      await call(getOne, "GET", `/content/${id()}`, options),
      await call(update, "PATCH", `/content/${id()}`, { ...options, body: { title: "hijacked" } }),
      await call(remove, "DELETE", `/content/${id()}`, options),
    ];
    for (const res of responses) expect(res.body.error.code).toBe("not_found");
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(JSON.stringify(responses)).not.toContain("Theirs");
    expect([await state(acme.id), await state(globex.id)]).toEqual(before);
  });

  it.each([
    ["GET", getOne, () => acmeUsageOnly, "read:content"],
    ["PATCH", update, () => acmeReader, "write:content"],
    ["DELETE", remove, () => acmeReader, "write:content"],
  ])("%s without its permission → 403 insufficient_permissions", async (method, handler, key, permission) => {
    const before = await state(acme.id);
    const res = await call(handler, method, `/content/${mine}`, {
      key: key(),
      ...item(mine),
      body: method === "PATCH" ? { title: "x" } : undefined,
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "insufficient_permissions", message: expect.stringContaining(permission) });
    expect(await state(acme.id)).toEqual(before);
  });

  it("deletes, audits, lowers the storage figure, and the item is gone", async () => {
    const storage = await todaysStorage(acme.id);
    const res = await call(remove, "DELETE", `/content/${mine}`, { key: acmeKey, ...item(mine) });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(await todaysStorage(acme.id)).toBe(storage! - 16n);
    expect((await call(getOne, "GET", `/content/${mine}`, { key: acmeKey, ...item(mine) })).status).toBe(404);
    const audit = await withTenant(acme.id, (tx) =>
      tx.auditLog.findFirst({ where: { targetId: mine, action: "content.deleted" } }),
    );
    expect(audit?.metadata).toMatchObject({ title: "Mine, edited" });
  });
});

describe("authentication", () => {
  it.each([
    ["GET /content", list, "GET", "/content", {}],
    ["POST /content", create, "POST", "/content", { body: { title: "x" } }],
    ["GET /content/{id}", getOne, "GET", "/content/x", item("x")],
    ["PATCH /content/{id}", update, "PATCH", "/content/x", { ...item("x"), body: { title: "x" } }],
    ["DELETE /content/{id}", remove, "DELETE", "/content/x", item("x")],
  ])("%s without a credential → 401", async (_, handler, method, path, options) => {
    const res = await call(handler, method, path, options);
    expect(res).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
  });

  it("POST without write:content → 403, creating nothing", async () => {
    const before = await state(acme.id);
    const res = await post(acmeReader, { title: "x" });
    expect(res).toMatchObject({ status: 403, body: { error: { code: "insufficient_permissions" } } });
    expect(await state(acme.id)).toEqual(before);
  });

  it("GET without read:content → 403", async () => {
    const res = await call(list, "GET", "/content", { key: acmeUsageOnly });
    expect(res).toMatchObject({ status: 403, body: { error: { code: "insufficient_permissions" } } });
  });
});
