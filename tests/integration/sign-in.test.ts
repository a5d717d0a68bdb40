import { beforeAll, describe, expect, it } from "vitest";
import { changePassword, signOutEverywhere } from "@/lib/auth/account";
import { authenticate, authenticateExternal } from "@/lib/auth/sign-in";
import { findTenantBySlug, withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { DEMO_PASSWORD, seedDemo, SUPER_ADMIN_EMAIL } from "@/prisma/seed";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

let acme = "";
let globex = "";

beforeAll(async () => {
  await seedDemo();
  acme = (await findTenantBySlug("acme"))!.id;
  globex = (await findTenantBySlug("globex"))!.id;
}, 60_000);

describe("authenticate", () => {
  it("signs a tenant user in on their own tenant only", async () => {
    const ok = await authenticate({ email: "Owner@Acme.test", password: DEMO_PASSWORD, tenantId: acme, ip: "192.0.2.1" });
    expect(ok).toMatchObject({ ok: true, user: { email: "owner@acme.test", role: "OWNER", tenantId: acme } });
    const elsewhere = await authenticate({
      email: "owner@acme.test",
      password: DEMO_PASSWORD,
      tenantId: globex,
      ip: "192.0.2.1",
    });
    expect(elsewhere).toEqual({ ok: false, reason: "invalid" });
  });

  it("signs super-admins in on the platform only", async () => {
    expect(
      await authenticate({ email: SUPER_ADMIN_EMAIL, password: DEMO_PASSWORD, tenantId: null, ip: "192.0.2.2" }),
    ).toMatchObject({
      ok: true,
      user: { role: "SUPER_ADMIN", tenantId: null },
    });
    expect(await authenticate({ email: SUPER_ADMIN_EMAIL, password: DEMO_PASSWORD, tenantId: acme, ip: "192.0.2.2" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate({ email: "owner@acme.test", password: DEMO_PASSWORD, tenantId: null, ip: "192.0.2.2" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const unknown = await authenticate({ email: "nobody@acme.test", password: DEMO_PASSWORD, tenantId: acme, ip: "192.0.2.3" });
    const wrong = await authenticate({ email: "admin@acme.test", password: "not the password", tenantId: acme, ip: "192.0.2.4" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses an account after 5 failures in 15 minutes, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        await authenticate({ email: "viewer@globex.test", password: `wrong-${i}`, tenantId: globex, ip: `198.51.100.${i}` }),
      ).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(
      await authenticate({ email: "viewer@globex.test", password: DEMO_PASSWORD, tenantId: globex, ip: "198.51.100.99" }),
    ).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("refuses an IP after 5 failures across accounts", async () => {
    for (const user of ["a", "b", "c", "d", "e"]) {
      await authenticate({ email: `${user}@globex.test`, password: "wrong", tenantId: globex, ip: "203.0.113.50" });
    }
    expect(
      await authenticate({ email: "owner@globex.test", password: DEMO_PASSWORD, tenantId: globex, ip: "203.0.113.50" }),
    ).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect(
      await authenticate({ email: "owner@globex.test", password: DEMO_PASSWORD, tenantId: globex, ip: "203.0.113.51" }),
    ).toMatchObject({ ok: true });
  });

  it("audits successes and failures in the tenant's log, and failures of super-admins in the platform's", async () => {
    const actions = await withTenant(acme, (tx) =>
      tx.auditLog.findMany({ where: { action: { startsWith: "auth." } }, select: { action: true, actorLabel: true } }),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "auth.sign_in_succeeded", actorLabel: "owner@acme.test" },
        { action: "auth.sign_in_failed", actorLabel: "admin@acme.test" },
      ]),
    );
    const platform = await withPlatform((tx) =>
      tx.auditLog.findMany({ where: { tenantId: null, action: { startsWith: "auth." } } }),
    );
    expect(platform.map((a) => a.action)).toEqual(expect.arrayContaining(["auth.sign_in_succeeded", "auth.sign_in_failed"]));
  });
});

describe("single sign-on accounts", () => {
  it("signs in only people who already have an account on this host, and audits both outcomes", async () => {
    expect(await authenticateExternal({ email: "Member@Acme.test", tenantId: acme })).toMatchObject({
      ok: true,
      user: { email: "member@acme.test", tenantId: acme },
    });
    expect(await authenticateExternal({ email: "owner@globex.test", tenantId: acme })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateExternal({ email: "owner@acme.test", tenantId: null })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateExternal({ email: SUPER_ADMIN_EMAIL, tenantId: null })).toMatchObject({ ok: true });
    const actions = await withTenant(acme, (tx) =>
      tx.auditLog.findMany({ where: { action: { startsWith: "auth.sso_" } }, select: { action: true } }),
    );
    expect(actions.map((a) => a.action).sort()).toEqual(["auth.sso_sign_in_refused", "auth.sso_sign_in_succeeded"]);
  });
});

describe("active users", () => {
  const today = async (tenantId: string) =>
    (
      await withTenant(tenantId, (tx) =>
        tx.tenantUsageMetric.findFirst({ where: { day: new Date(new Date().toISOString().slice(0, 10)) } }),
      )
    )?.activeUsers ?? 0;

  it("counts each user once per day, however often they sign in", async () => {
    const before = await today(globex);
    const signIn = (email: string) => authenticate({ email, password: DEMO_PASSWORD, tenantId: globex, ip: "192.0.2.50" });
    // (viewer@globex is throttled by an earlier test; owner@globex signed in once already.)
    const results = await Promise.all([signIn("member@globex.test"), signIn("member@globex.test")]);
    results.push(await signIn("member@globex.test"), await signIn("admin@globex.test"));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    await authenticate({ email: "owner@globex.test", password: "wrong-password-123", tenantId: globex, ip: "192.0.2.51" });
    expect((await today(globex)) - before).toBe(2);
  });
});

describe("account", () => {
  const member = async () => {
    const result = await authenticate({ email: "member@acme.test", password: DEMO_PASSWORD, tenantId: acme, ip: "192.0.2.10" });
    if (!result.ok) throw new Error("sign-in failed");
    return result.user;
  };

  it("refuses a wrong current password or a weak new one, changing nothing", async () => {
    const user = await member();
    expect(await changePassword(user, "wrong", "a perfectly fine passphrase")).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: expect.any(String) },
    });
    expect(await changePassword(user, DEMO_PASSWORD, "short")).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: expect.stringMatching(/12/) },
    });
    expect((await member()).sessionVersion).toBe(user.sessionVersion);
  });

  it("changes the password and ends every session", async () => {
    const user = await member();
    expect(await changePassword(user, DEMO_PASSWORD, "a perfectly fine passphrase")).toMatchObject({ ok: true });
    const after = await authenticate({
      email: "member@acme.test",
      password: "a perfectly fine passphrase",
      tenantId: acme,
      ip: "192.0.2.11",
    });
    expect(after).toMatchObject({ ok: true, user: { sessionVersion: user.sessionVersion + 1 } });
    expect(
      await authenticate({ email: "member@acme.test", password: DEMO_PASSWORD, tenantId: acme, ip: "192.0.2.12" }),
    ).toMatchObject({ ok: false });
  });

  it("signs out everywhere by moving the session version on", async () => {
    const before = await authenticate({
      email: "admin@globex.test",
      password: DEMO_PASSWORD,
      tenantId: globex,
      ip: "192.0.2.13",
    });
    if (!before.ok) throw new Error("sign-in failed");
    await signOutEverywhere(before.user);
    const after = await authenticate({ email: "admin@globex.test", password: DEMO_PASSWORD, tenantId: globex, ip: "192.0.2.13" });
    expect(after).toMatchObject({ ok: true, user: { sessionVersion: before.user.sessionVersion + 1 } });
  });
});
