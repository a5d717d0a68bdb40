import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportUsage } from "@/app/(site)/settings/usage/export/route";
import { GET as tenantInfo } from "@/app/api/v1/tenants/current/info/route";
import { changePasswordAction } from "@/lib/auth/actions";
import { checkCustomCssAction, saveBrandingAction } from "@/lib/branding/actions";
import { setFeatureAction } from "@/lib/config/actions";
import { withPlatform } from "@/lib/db/platform";
import { ENTRY_LIMITS } from "@/lib/entry-points/limits";
import { transferOwnershipAction } from "@/lib/members/actions";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { activateTenantAction, suspendTenantAction } from "@/lib/tenants/actions";
import { suspendTenant } from "@/lib/tenants/service";
import { resetTenantStatus } from "@/lib/tenants/status";
import { setFakeRequest } from "../helpers/fake-next-headers";
import { call, createTestApiKey, sessionCookie } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

vi.mock("next/headers", () => import("../helpers/fake-next-headers"));
vi.mock("next/cache", () => import("../helpers/fake-next-cache"));

// The entry-point client (lib/entry-points) as a browser reaches it: Server
// Actions and the portal's route handlers called with the request the
// middleware would pass on.

setupTestDatabase();

type T = { id: string; slug: string };
type U = { id: string; role: string; tenantId: string | null; sessionVersion: number };
let acme: T;
let globex: T;
let owner: U;
let viewer: U;
let globexOwner: U;
let root: U;

beforeAll(async () => {
  [acme, globex] = await withPlatform(async (tx) => [
    await tx.tenant.create({ data: { slug: "acme", name: "Acme", plan: "pro" }, select: { id: true, slug: true } }),
    await tx.tenant.create({ data: { slug: "globex", name: "Globex", plan: "pro" }, select: { id: true, slug: true } }),
  ]);
  const user = (tenantId: string | null, email: string, role: "OWNER" | "VIEWER" | "SUPER_ADMIN") =>
    withPlatform((tx) => tx.user.create({ data: { tenantId, email, name: email, role } }));
  owner = await user(acme.id, "owner@acme.test", "OWNER");
  viewer = await user(acme.id, "viewer@acme.test", "VIEWER");
  globexOwner = await user(globex.id, "owner@globex.test", "OWNER");
  root = await user(null, "root@livery.test", "SUPER_ADMIN");
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
});

const as = async (who: U, host?: T, extra: { actingUntil?: number; headers?: Record<string, string> } = {}) =>
  setFakeRequest({
    host,
    cookie: await sessionCookie({ ...who, ...(extra.actingUntil ? { actingUntil: extra.actingUntil } : {}) }),
    headers: extra.headers,
  });

const features = async (tenantId: string) =>
  (await withPlatform((tx) => tx.tenantConfig.findUnique({ where: { tenantId } })))?.features as Record<string, boolean>;

describe("the entry-point frame", () => {
  it("runs a permitted action for the host's own tenant, as the signed-in user", async () => {
    await as(owner, acme);
    const result = await setFeatureAction({ feature: "nft", enabled: true });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect((await features(acme.id)).nft).toBe(true);
  });

  it("refuses another tenant's session on this host, a missing session, and a missing permission", async () => {
    await as(globexOwner, acme);
    expect(await setFeatureAction({ feature: "nft", enabled: false })).toMatchObject({ ok: false, code: "unauthenticated" });
    setFakeRequest({ host: acme });
    expect(await setFeatureAction({ feature: "nft", enabled: false })).toMatchObject({ ok: false, code: "unauthenticated" });
    await as(viewer, acme);
    expect(await setFeatureAction({ feature: "nft", enabled: false })).toMatchObject({
      ok: false,
      code: "insufficient_permissions",
    });
    expect((await features(acme.id)).nft).toBe(true);
  });

  it("answers bad input with field errors and the submitted values, never a password", async () => {
    await as(owner, acme);
    const result = await setFeatureAction({ feature: "teleport" as "nft", enabled: true });
    expect(result).toMatchObject({ ok: false, code: "validation_failed", values: { feature: "teleport", enabled: true } });
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(["feature"]);
    // Text PostgreSQL cannot store is refused at its field, never an internal error.
    const nul = await saveBrandingAction({ customCss: "a\u0000b\ud800c" });
    expect(nul).toMatchObject({ ok: false, code: "validation_failed", fieldErrors: { customCss: expect.any(String) } });
    const form = new FormData();
    form.set("currentPassword", "wrong password here");
    form.set("newPassword", "short");
    const password = await changePasswordAction(null, form);
    expect(password.ok).toBe(false);
    expect(JSON.stringify(password)).not.toContain("wrong password here");
    expect(JSON.stringify(password)).not.toContain('"short"');
  });

  it("H3: lets an acting super-admin act as an admin of that tenant, never about ownership or an account", async () => {
    const actingUntil = Date.now() + 60_000;
    await as({ ...root, tenantId: acme.id }, acme, { actingUntil });
    expect(await setFeatureAction({ feature: "bonds", enabled: true })).toMatchObject({ ok: true });
    expect(await transferOwnershipAction({ userId: viewer.id })).toMatchObject({ ok: false, code: "acting_not_allowed" });
    const form = new FormData();
    form.set("currentPassword", "x");
    form.set("newPassword", "a brand new passphrase");
    expect(await changePasswordAction(null, form)).toMatchObject({ ok: false, code: "acting_not_allowed" });
    expect(await activateTenantAction({ tenantId: globex.id })).toMatchObject({ ok: false, code: "platform_only" });
  });

  it("refuses platform actions to tenant users, and on a tenant's host", async () => {
    await as(owner, acme);
    expect(await suspendTenantAction({ tenantId: globex.id, reason: "x" })).toMatchObject({ ok: false, code: "platform_only" });
    await as(root);
    expect(await suspendTenantAction({ tenantId: "not-an-id", reason: "x" })).toMatchObject({
      ok: false,
      code: "validation_failed",
    });
  });
});

describe("suspension", () => {
  it("H8: refuses a tenant's Server Actions and route handlers from the moment it is suspended, changing nothing", async () => {
    const halted = await withPlatform((tx) => tx.tenant.create({ data: { slug: "halted", name: "Halted", plan: "pro" } }));
    const haltedOwner = await withPlatform((tx) =>
      tx.user.create({ data: { tenantId: halted.id, email: "owner@halted.test", name: "Owner", role: "OWNER" } }),
    );
    const host = { id: halted.id, slug: halted.slug };
    await as({ ...haltedOwner, role: "OWNER" }, host);
    expect(await setFeatureAction({ feature: "nft", enabled: true })).toMatchObject({ ok: true });
    expect((await exportUsage(new NextRequest("http://halted.localhost:3000/settings/usage/export"), never())).status).toBe(200);

    await suspendTenant(halted.id, "unpaid", { type: "SYSTEM" });
    expect(await setFeatureAction({ feature: "nft", enabled: false })).toMatchObject({ ok: false, code: "tenant_suspended" });
    const exported = await exportUsage(new NextRequest("http://halted.localhost:3000/settings/usage/export"), never());
    expect(exported.status).toBe(403);
    expect(await exported.json()).toMatchObject({ error: { code: "tenant_suspended" } });
    expect((await features(halted.id)).nft).toBe(true);
  });
});

describe("rate limits", () => {
  it("H10: limit each user's Server Actions in their own bucket, never counted against the tenant's API rate", async () => {
    const { secret } = await createTestApiKey(acme.id, ["read:config"]);
    await as(viewer, acme);
    const allowed = ENTRY_LIMITS.heavy.perUser;
    for (let i = 0; i < allowed; i++) {
      expect((await checkCustomCssAction({ css: `.a${i} { color: red }` })).ok, `call ${i}`).toBe(true);
    }
    const refused = await checkCustomCssAction({ css: ".b { color: red }" });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    // Another user of the tenant still gets through; the tenant's API rate is untouched.
    await as(owner, acme);
    expect((await checkCustomCssAction({ css: ".c { color: red }" })).ok).toBe(true);
    const api = await call(tenantInfo, "GET", "/tenants/current/info", { host: acme, key: secret });
    expect(api.status).toBe(200);
    expect(Number(api.headers.get("ratelimit-remaining"))).toBe(Number(api.headers.get("ratelimit-limit")) - 1);
  });

  it("H10: caps a whole tenant's Server Actions, so one tenant's users cannot crowd out the others", async () => {
    const users = await withPlatform((tx) =>
      Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          tx.user.create({ data: { tenantId: acme.id, email: `many${i}@acme.test`, name: `Many ${i}`, role: "VIEWER" } }),
        ),
      ),
    );
    let refusedAt = -1;
    for (let i = 0; i < ENTRY_LIMITS.heavy.perTenant + 1 && refusedAt < 0; i++) {
      await as({ ...users[i % users.length]!, role: "VIEWER" }, acme);
      if (!(await checkCustomCssAction({ css: "" })).ok) refusedAt = i;
    }
    expect(refusedAt).toBe(ENTRY_LIMITS.heavy.perTenant);
    await as(globexOwner, globex);
    expect((await checkCustomCssAction({ css: "" })).ok).toBe(true);
  });
});

/** A route context without params. */
function never() {
  return { params: Promise.resolve({}) };
}
