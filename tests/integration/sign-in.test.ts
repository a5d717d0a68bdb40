import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { changePassword, signOutEverywhere } from "@/lib/auth/account";
import { authenticate, authenticateExternal } from "@/lib/auth/sign-in";
import { flushSignInAudit } from "@/lib/auth/sign-in-audit";
import { passwordWork } from "@/lib/auth/password-work";
import { findTenantBySlug, withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { DEMO_PASSWORD, seedDemo, SUPER_ADMIN_EMAIL } from "@/prisma/seed";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

let acme = "";
let globex = "";
let hooli = "";

beforeAll(async () => {
  await seedDemo();
  acme = (await findTenantBySlug("acme"))!.id;
  globex = (await findTenantBySlug("globex"))!.id;
  hooli = (await findTenantBySlug("hooli"))!.id;
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

  it("backs an account off after 5 failures, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        await authenticate({ email: "viewer@globex.test", password: `wrong-${i}`, tenantId: globex, ip: `198.51.100.${i}` }),
      ).toEqual({ ok: false, reason: "invalid" });
    }
    expect(
      await authenticate({ email: "viewer@globex.test", password: DEMO_PASSWORD, tenantId: globex, ip: "198.51.100.99" }),
    ).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
  });

  it("backs a client address off after 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i++) {
      await authenticate({ email: `user${i}@globex.test`, password: "wrong", tenantId: globex, ip: "203.0.113.50" });
    }
    expect(
      await authenticate({ email: "owner@globex.test", password: DEMO_PASSWORD, tenantId: globex, ip: "203.0.113.50" }),
    ).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      await authenticate({ email: "owner@globex.test", password: DEMO_PASSWORD, tenantId: globex, ip: "203.0.113.51" }),
    ).toMatchObject({ ok: true });
  });

  it("audits attempts on accounts in the tenant's log, and the platform's in the platform's", async () => {
    await flushSignInAudit();
    const actions = await withTenant(acme, (tx) =>
      tx.auditLog.findMany({ where: { action: { startsWith: "auth." } }, select: { action: true, actorLabel: true } }),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "auth.sign_in_succeeded", actorLabel: "owner@acme.test" },
        { action: "auth.sign_in_failed", actorLabel: "admin@acme.test" },
        { action: "auth.sign_in_failed_unknown", actorLabel: null },
      ]),
    );
    const platform = await withPlatform((tx) =>
      tx.auditLog.findMany({ where: { tenantId: null, action: { startsWith: "auth." } } }),
    );
    expect(platform.map((a) => a.action)).toEqual(
      expect.arrayContaining(["auth.sign_in_succeeded", "auth.sign_in_failed_unknown"]),
    );
  });
});

describe("single sign-on accounts", () => {
  const identity = { issuer: "https://login.example.com", subject: "subject-1" };

  it("H1 finds accounts by linked identity only: an address alone asks for the password, and nothing is created", async () => {
    expect(await authenticateExternal({ email: "Member@Acme.test", tenantId: acme, identity })).toMatchObject({
      ok: false,
      reason: "link_required",
      pending: { tenantId: acme, email: "member@acme.test", ...identity },
    });
    expect(await authenticateExternal({ email: "owner@globex.test", tenantId: acme, identity })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateExternal({ email: "owner@acme.test", tenantId: null, identity })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await withTenant(acme, (tx) => tx.user.count({ where: { email: "owner@globex.test" } }))).toBe(0);
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

describe("H4 lockout", () => {
  it("H4 a known client signs in while someone else keeps failing at its account", async () => {
    const first = await authenticate({ email: "owner@hooli.test", password: DEMO_PASSWORD, tenantId: hooli, ip: "192.0.2.60" });
    if (!first.ok) throw new Error("sign-in failed");
    for (let i = 0; i < 12; i++) {
      await authenticate({ email: "owner@hooli.test", password: `guess-${i}`, tenantId: hooli, ip: `198.51.100.${100 + i}` });
    }
    expect(
      await authenticate({ email: "owner@hooli.test", password: DEMO_PASSWORD, tenantId: hooli, ip: "198.51.100.99" }),
    ).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      await authenticate({
        email: "owner@hooli.test",
        password: DEMO_PASSWORD,
        tenantId: hooli,
        ip: "192.0.2.60",
        knownClient: first.knownClient,
      }),
    ).toMatchObject({ ok: true });
  });

  it("H4 without a known client the account backs off for a moment, not 15 minutes", async () => {
    for (let i = 0; i < 5; i++) {
      await authenticate({ email: "member@hooli.test", password: `guess-${i}`, tenantId: hooli, ip: `198.51.100.${120 + i}` });
    }
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(
      await authenticate({ email: "member@hooli.test", password: DEMO_PASSWORD, tenantId: hooli, ip: "198.51.100.130" }),
    ).toMatchObject({ ok: true });
  });
});

describe("H5 sign-in flood", () => {
  it("H5 failures for unknown accounts are counted in one audit row per tenant, not one attacker-worded row each", async () => {
    await flushSignInAudit();
    const hashedBefore = passwordWork().stats().completed;
    for (let i = 0; i < 6; i++) {
      await authenticate({ email: `visit-evil-example-${i}@hooli.test`, password: "x", tenantId: hooli, ip: `203.0.113.${i}` });
    }
    const worded = await withTenant(hooli, (tx) => tx.auditLog.count({ where: { actorLabel: { contains: "evil-example" } } }));
    expect(worded).toBe(0);
    const hashed = passwordWork().stats().completed;
    await flushSignInAudit();
    const rows = await withTenant(hooli, (tx) => tx.auditLog.findMany({ where: { action: "auth.sign_in_failed_unknown" } }));
    // One row per tenant per flush (every 5 s, and on demand): a slow run may straddle a timed flush.
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(2);
    for (const row of rows) expect(row).toMatchObject({ actorLabel: null, actorType: "SYSTEM" });
    const counted = rows.map((row) => row.metadata as { count: number; addresses: number });
    expect(counted.reduce((sum, m) => sum + m.count, 0)).toBe(6);
    expect(counted.reduce((sum, m) => sum + m.addresses, 0)).toBe(6);
    // Each cost one hash, as a wrong password does (the timing oracle stays closed).
    expect(hashed - hashedBefore).toBe(6);
  });

  it("H5 a wrong password for an existing account answers before its audit row is written, as an unknown address does", async () => {
    const umbrella = (await findTenantBySlug("umbrella"))!.id;
    const rows = () =>
      withTenant(umbrella, (tx) =>
        tx.auditLog.findMany({ where: { action: "auth.sign_in_failed", actorLabel: "owner@umbrella.test" } }),
      );
    await flushSignInAudit();
    // The next queued entry starts the 5 s flush timer afresh, so no timed flush lands before the check below.
    const timer = globalThis as typeof globalThis & { __liverySignInAuditTimer?: ReturnType<typeof setInterval> };
    clearInterval(timer.__liverySignInAuditTimer);
    timer.__liverySignInAuditTimer = undefined;
    expect(
      await authenticate({ email: "owner@umbrella.test", password: "not the password", tenantId: umbrella, ip: "192.0.2.75" }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await rows()).toEqual([]);
    await flushSignInAudit();
    expect(await rows()).toEqual([expect.objectContaining({ actorType: "USER", ip: "192.0.2.75" })]);
  });

  it("H5 a bcrypt hash from before keeps working and is re-hashed with argon2id on the next successful sign-in", async () => {
    const stored = () =>
      withTenant(hooli, (tx) =>
        tx.user.findFirstOrThrow({ where: { email: "admin@hooli.test" }, select: { passwordHash: true } }),
      );
    // A hash as the seed and every account made before argon2id had it (bcryptjs, cost 12; 4 here for speed).
    const old = bcrypt.hashSync(DEMO_PASSWORD, 4);
    await withTenant(hooli, (tx) => tx.user.updateMany({ where: { email: "admin@hooli.test" }, data: { passwordHash: old } }));
    expect((await stored()).passwordHash).toMatch(/^\$2[aby]\$/);
    expect(
      await authenticate({ email: "admin@hooli.test", password: DEMO_PASSWORD, tenantId: hooli, ip: "192.0.2.70" }),
    ).toMatchObject({ ok: true });
    expect((await stored()).passwordHash).toMatch(/^\$argon2id\$/);
    expect(
      await authenticate({ email: "admin@hooli.test", password: DEMO_PASSWORD, tenantId: hooli, ip: "192.0.2.70" }),
    ).toMatchObject({ ok: true });
  });
});

describe("H11 change password", () => {
  const viewer = async () => {
    const result = await authenticate({ email: "viewer@hooli.test", password: DEMO_PASSWORD, tenantId: hooli, ip: "192.0.2.90" });
    if (!result.ok) throw new Error("sign-in failed");
    return result.user;
  };

  it("H11 refuses a weak new password before checking the current one", async () => {
    const result = await changePassword(await viewer(), "not my password", "short");
    expect(result).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.stringMatching(/12/) } });
    expect(result.fieldErrors).not.toHaveProperty("currentPassword");
  });

  it("H11 throttles wrong current passwords like sign-in, and says to wait", async () => {
    const user = await viewer();
    for (let i = 0; i < 5; i++) {
      expect(await changePassword(user, `not my password ${i}`, "a perfectly fine passphrase")).toMatchObject({ ok: false });
    }
    const refused = await changePassword(user, DEMO_PASSWORD, "a perfectly fine passphrase");
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/wait/i) });
  });
});
