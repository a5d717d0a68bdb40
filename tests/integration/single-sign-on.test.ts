import type { Server } from "node:http";
import type { Account, Profile, User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OIDC, startIdentityProvider } from "@/e2e/fixtures/oidc";
import { type AuthRequestContext, authOptions } from "@/lib/auth/options";
import { openPendingLink } from "@/lib/auth/pending-link";
import { authenticate } from "@/lib/auth/sign-in";
import { flushSignInAudit } from "@/lib/auth/sign-in-audit";
import { findTenantBySlug, withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { getEnv, resetEnvCache } from "@/lib/env";
import { DEMO_PASSWORD, seedDemo, SUPER_ADMIN_EMAIL } from "@/prisma/seed";
import { idTokenClaims } from "../helpers/oidc-login";
import { setupTestDatabase } from "../helpers/setup-test-database";

// Single sign-on against the project's own OpenID Connect provider
// (e2e/fixtures/oidc.ts), on its own port so a browser run beside this one
// keeps 3199. The ID token's claims go to next-auth's signIn callback exactly
// as next-auth passes them after verifying the token.
setupTestDatabase();

const IDP_PORT = 3197;
const APP_PORT = 3999;
const issuer = `http://127.0.0.1:${IDP_PORT}`;
let idp: Server;
let acme = "";

beforeAll(async () => {
  Object.assign(process.env, {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: OIDC.clientId,
    OIDC_CLIENT_SECRET: OIDC.clientSecret,
    NEXTAUTH_SECRET: "single-sign-on-test-secret-0123456789",
  });
  delete process.env.OIDC_ALLOW_SUPER_ADMINS;
  resetEnvCache();
  idp = await startIdentityProvider(APP_PORT, IDP_PORT);
  await seedDemo();
  acme = (await findTenantBySlug("acme"))!.id;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => idp.close(resolve));
  resetEnvCache();
});

/** One single sign-on callback on a host: what next-auth's signIn callback answers, and the request's context after it. */
export async function singleSignOn(tenantId: string | null, login: string) {
  const host = tenantId ? "acme.localhost" : "localhost";
  const profile = await idTokenClaims(issuer, `http://${host}:${APP_PORT}/api/auth/callback/oidc`, login);
  const context: AuthRequestContext = { tenantId, ip: "192.0.2.80" };
  const account: Account = { provider: "oidc", type: "oauth", providerAccountId: String(profile.sub) };
  const user: User = { id: String(profile.sub), email: String(profile.email) };
  const allowed = await authOptions(context).callbacks!.signIn!({ user, account, profile: profile as Profile });
  return { allowed, context, profile };
}

describe("H1 single sign-on cannot take over an account", () => {
  it("H1 refuses a provider that leaves email_verified out", async () => {
    const { allowed, profile } = await singleSignOn(acme, "member@acme.test#unverified");
    expect(profile).not.toHaveProperty("email_verified");
    expect(allowed).toBe(false);
  });

  it("H1 refuses email_verified: false", async () => {
    expect((await singleSignOn(acme, "member@acme.test#false")).allowed).toBe(false);
  });

  it("H1 does not sign anyone in to an existing account on the first single sign-on, however verified the address", async () => {
    // Someone else at the provider, showing the owner's verified address.
    const { allowed } = await singleSignOn(acme, "owner@acme.test#someone-else");
    expect(allowed).not.toBe(true);
  });

  it("H1 refuses super-admins on the platform host unless OIDC_ALLOW_SUPER_ADMINS=true", async () => {
    expect((await singleSignOn(null, "admin@livery.test")).allowed).toBe(false);
  });
});

describe("H1 linking a single sign-on identity to an account", () => {
  /** The password sign-in that follows a single sign-on asking for it, in the same browser. */
  const passwordSignIn = (tenantId: string | null, email: string, context: AuthRequestContext) =>
    authenticate({
      email,
      password: DEMO_PASSWORD,
      tenantId,
      ip: "192.0.2.81",
      pendingLink: openPendingLink(getEnv().NEXTAUTH_SECRET, context.outcome?.pendingLink ?? undefined),
    });

  it("H1 links after the account's password, then signs in by issuer and subject alone", async () => {
    const first = await singleSignOn(acme, "owner@acme.test");
    expect(first.allowed).toBe("/sign-in?sso=link");
    expect(first.context.outcome?.pendingLink).toEqual(expect.any(String));
    expect(await passwordSignIn(acme, "owner@acme.test", first.context)).toMatchObject({ ok: true });

    const again = await singleSignOn(acme, "owner@acme.test");
    expect(again.allowed).toBe(true);
    expect(again.context.outcome?.knownClient).toEqual(expect.any(String));
    // Someone else at the provider showing the same address is still a stranger to this account.
    expect((await singleSignOn(acme, "owner@acme.test#someone-else")).allowed).toBe("/sign-in?sso=link");

    const links = await withTenant(acme, (tx) => tx.userIdentity.findMany({ include: { user: true } }));
    expect(links.map((l) => [l.issuer, l.subject, l.user.email])).toEqual([[issuer, "owner@acme.test", "owner@acme.test"]]);
    await flushSignInAudit();
    const actions = await withTenant(acme, (tx) =>
      tx.auditLog.findMany({ where: { action: { startsWith: "auth.sso_" } }, select: { action: true } }),
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["auth.sso_link_required", "auth.sso_linked", "auth.sso_sign_in_succeeded"]),
    );
  });

  it("H1 does not link the waiting identity to another account that signs in with its password", async () => {
    const waiting = await singleSignOn(acme, "member@acme.test#someone-else");
    expect(await passwordSignIn(acme, "admin@acme.test", waiting.context)).toMatchObject({ ok: true });
    expect((await singleSignOn(acme, "member@acme.test#someone-else")).allowed).toBe("/sign-in?sso=link");
    expect(await withTenant(acme, (tx) => tx.userIdentity.count({ where: { subject: { contains: "someone-else" } } }))).toBe(0);
  });

  it("H1 never creates an account", async () => {
    expect((await singleSignOn(acme, "newcomer@acme.test")).allowed).toBe(false);
    expect(await withTenant(acme, (tx) => tx.user.count({ where: { email: "newcomer@acme.test" } }))).toBe(0);
  });

  it("H1 signs super-admins in on the platform host once allowed, through the same link", async () => {
    process.env.OIDC_ALLOW_SUPER_ADMINS = "true";
    resetEnvCache();
    try {
      const first = await singleSignOn(null, SUPER_ADMIN_EMAIL);
      expect(first.allowed).toBe("/sign-in?sso=link");
      expect(await passwordSignIn(null, SUPER_ADMIN_EMAIL, first.context)).toMatchObject({ ok: true });
      expect((await singleSignOn(null, SUPER_ADMIN_EMAIL)).allowed).toBe(true);
      const link = await withPlatform((tx) => tx.userIdentity.findFirst({ where: { tenantId: null } }));
      expect(link).toMatchObject({ issuer, subject: SUPER_ADMIN_EMAIL });
      // The platform's links are not the tenant's: the same identity means nothing on acme's host.
      expect((await singleSignOn(acme, SUPER_ADMIN_EMAIL)).allowed).toBe(false);
    } finally {
      delete process.env.OIDC_ALLOW_SUPER_ADMINS;
      resetEnvCache();
    }
  });
});
