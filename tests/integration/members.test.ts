import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { authenticate } from "@/lib/auth/sign-in";
import { findTenantBySlug, withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import {
  acceptInvitation,
  changeMemberRole,
  findUsableInvitation,
  inviteMember,
  listMembers,
  removeMember,
  revokeInvitation,
  transferOwnership,
} from "@/lib/members/service";
import { DEMO_PASSWORD, seedDemo } from "@/prisma/seed";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

let acme = "";
let umbrella = ""; // free plan: 3 users
const as: Record<string, SessionUser> = {};

async function user(tenantId: string, email: string): Promise<SessionUser> {
  const found = await withTenant(tenantId, (tx) => tx.user.findFirstOrThrow({ where: { email } }));
  return { id: found.id, email: found.email, name: found.name, role: found.role, tenantId };
}

beforeAll(async () => {
  await seedDemo();
  acme = (await findTenantBySlug("acme"))!.id;
  umbrella = (await findTenantBySlug("umbrella"))!.id;
  for (const role of ["owner", "admin", "member", "viewer"]) as[role] = await user(acme, `${role}@acme.test`);
}, 60_000);

describe("members", () => {
  it("are listed to every role; invitations only to those who manage members", async () => {
    const forViewer = await listMembers(as.viewer!);
    expect(forViewer.members.map((m) => m.email)).toContain("owner@acme.test");
    expect(forViewer.invitations).toEqual([]);
  });

  it("refuse every change from roles without write:members, whatever the UI shows", async () => {
    for (const role of ["member", "viewer"]) {
      const actor = as[role]!;
      await expect(inviteMember(actor, { email: "x@acme.test", role: "VIEWER" })).rejects.toMatchObject({
        status: 403,
        code: "insufficient_permissions",
      });
      await expect(changeMemberRole(actor, as.admin!.id, "VIEWER")).rejects.toMatchObject({ status: 403 });
      await expect(removeMember(actor, as.admin!.id)).rejects.toMatchObject({ status: 403 });
    }
    await expect(transferOwnership(as.admin!, as.member!.id)).rejects.toMatchObject({ status: 403 });
  });

  it("invite → accept → sign in, once per link", async () => {
    const { token, invitation } = await inviteMember(as.admin!, { email: " New.Person@Acme.test ", role: "MEMBER" });
    expect(invitation).toMatchObject({ email: "new.person@acme.test", role: "MEMBER" });
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    // Stored only as a hash.
    const stored = await withTenant(acme, (tx) => tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } }));
    expect(stored.tokenHash).not.toContain(token);
    expect(await findUsableInvitation(acme, token)).toMatchObject({ email: "new.person@acme.test" });
    // Not on another tenant.
    expect(await findUsableInvitation(umbrella, token)).toBeNull();

    await expect(acceptInvitation(acme, token, { name: "New Person", password: "short" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(await acceptInvitation(acme, token, { name: "New Person", password: "a long enough passphrase" })).toEqual({
      email: "new.person@acme.test",
    });
    expect(
      await authenticate({
        email: "new.person@acme.test",
        password: "a long enough passphrase",
        tenantId: acme,
        ip: "192.0.2.40",
      }),
    ).toMatchObject({
      ok: true,
      user: { role: "MEMBER" },
    });
    await expect(acceptInvitation(acme, token, { name: "Again", password: "a long enough passphrase" })).rejects.toMatchObject({
      status: 410,
      code: "invitation_invalid",
    });
  });

  it("refuse inviting an existing member, and let only owners invite owners", async () => {
    await expect(inviteMember(as.admin!, { email: "viewer@acme.test", role: "VIEWER" })).rejects.toMatchObject({ status: 409 });
    await expect(inviteMember(as.admin!, { email: "boss@acme.test", role: "OWNER" })).rejects.toMatchObject({ status: 403 });
    await expect(inviteMember(as.admin!, { email: "not an email", role: "VIEWER" })).rejects.toMatchObject({
      status: 422,
      details: [{ path: ["email"] }],
    });
  });

  it("expire after 7 days and can be revoked", async () => {
    const { token, invitation } = await inviteMember(as.owner!, { email: "later@acme.test", role: "VIEWER" });
    await revokeInvitation(as.owner!, invitation.id);
    await expect(acceptInvitation(acme, token, { name: "Later", password: "a long enough passphrase" })).rejects.toMatchObject({
      status: 410,
    });
    const old = await inviteMember(as.owner!, { email: "old@acme.test", role: "VIEWER" });
    await withTenant(acme, (tx) =>
      tx.invitation.update({ where: { id: old.invitation.id }, data: { expiresAt: new Date(Date.now() - 1) } }),
    );
    await expect(acceptInvitation(acme, old.token, { name: "Old", password: "a long enough passphrase" })).rejects.toMatchObject({
      status: 410,
    });
  });

  it("enforce the plan's user limit on invite and on accept", async () => {
    // umbrella is on the free plan (3 users) and has 4 demo users already.
    const owner = await user(umbrella, "owner@umbrella.test");
    await expect(inviteMember(owner, { email: "one-more@umbrella.test", role: "VIEWER" })).rejects.toMatchObject({
      code: "limit_exceeded",
      message: expect.stringMatching(/allows 3 users/),
    });
    // An invitation made while there was room cannot be accepted once the plan is full.
    await withPlatform((tx) => tx.tenantConfig.update({ where: { tenantId: umbrella }, data: { limits: { users: 5 } } }));
    const { token } = await inviteMember(owner, { email: "fifth@umbrella.test", role: "VIEWER" });
    await withPlatform((tx) => tx.tenantConfig.update({ where: { tenantId: umbrella }, data: { limits: { users: 4 } } }));
    await expect(
      acceptInvitation(umbrella, token, { name: "Fifth", password: "a long enough passphrase" }),
    ).rejects.toMatchObject({ code: "limit_exceeded" });
  });

  it("protect the last owner, and transfer ownership", async () => {
    await expect(changeMemberRole(as.owner!, as.owner!.id, "ADMIN")).rejects.toMatchObject({ status: 409, code: "last_owner" });
    await expect(removeMember(as.owner!, as.owner!.id)).rejects.toMatchObject({ code: "last_owner" });
    await transferOwnership(as.owner!, as.admin!.id);
    const roles = Object.fromEntries((await listMembers(as.viewer!)).members.map((m) => [m.email, m.role]));
    expect(roles).toMatchObject({ "owner@acme.test": "ADMIN", "admin@acme.test": "OWNER" });
  });

  it("remove a member, keeping what they made, and audit every change", async () => {
    const newOwner = { ...as.admin!, role: "OWNER" as const };
    await removeMember(newOwner, as.member!.id);
    expect((await listMembers(as.viewer!)).members.map((m) => m.email)).not.toContain("member@acme.test");
    expect(await withTenant(acme, (tx) => tx.content.count())).toBeGreaterThan(0);
    const actions = await withTenant(acme, (tx) =>
      tx.auditLog.findMany({ where: { action: { startsWith: "member." } }, select: { action: true } }),
    );
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(["member.invited", "member.joined", "member.invitation_revoked", "member.ownership_transferred", "member.removed"]),
    );
    expect(
      await authenticate({ email: "member@acme.test", password: DEMO_PASSWORD, tenantId: acme, ip: "192.0.2.41" }),
    ).toMatchObject({ ok: false });
  });
});
