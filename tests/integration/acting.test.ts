import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as readConfig, PATCH as updateConfig } from "@/app/api/v1/tenants/[id]/config/route";
import { GET as getTenantRoute, PATCH as patchTenant } from "@/app/api/v1/tenants/[id]/route";
import { GET as listTenants } from "@/app/api/v1/tenants/route";
import { issueActingTicket, redeemActingTicket } from "@/lib/admin/acting";
import { withPlatform } from "@/lib/db/platform";
import { type ApiError } from "@/lib/http/errors";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, sessionCookie } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

// "Open as admin" (lib/admin/acting.ts): a one-time ticket from the dashboard,
// exchanged on the tenant's host for an acting session that counts there only.
type T = { id: string; slug: string };
let acme: T;
let globex: T;
let halted: T;
let root: { id: string; email: string; sessionVersion: number };
const actor = () => ({ type: "USER" as const, id: root.id, label: root.email });
const fromAcme = { origin: "http://acme.localhost:3000" };

beforeAll(async () => {
  [acme, globex, halted] = await withPlatform(async (tx) => [
    await tx.tenant.create({ data: { slug: "acme", name: "Acme", plan: "pro" }, select: { id: true, slug: true } }),
    await tx.tenant.create({ data: { slug: "globex", name: "Globex", plan: "pro" }, select: { id: true, slug: true } }),
    await tx.tenant.create({
      data: {
        slug: "halted",
        name: "Halted",
        plan: "pro",
        status: "SUSPENDED",
        suspendedReason: "test",
        suspendedAt: new Date(),
      },
      select: { id: true, slug: true },
    }),
  ]);
  root = await withPlatform((tx) =>
    tx.user.create({ data: { tenantId: null, email: "root@livery.test", name: "Root", role: "SUPER_ADMIN" } }),
  );
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
});

describe("tickets", () => {
  it("are audited as opened by the super-admin, and good once, on their own tenant's host only", async () => {
    const ticket = await issueActingTicket(acme.id, root.id, actor());
    const [entry] = await withPlatform((tx) =>
      tx.auditLog.findMany({ where: { tenantId: acme.id, action: "tenant.opened_as_admin" } }),
    );
    expect(entry).toMatchObject({ actorType: "USER", actorId: root.id, actorLabel: root.email, targetId: acme.id });

    expect(await redeemActingTicket(ticket, globex.id)).toBeNull();
    expect(await redeemActingTicket(ticket, acme.id)).toMatchObject({ id: root.id, email: root.email });
    expect(await redeemActingTicket(ticket, acme.id)).toBeNull();
  });

  it("expire after a minute", async () => {
    const ticket = await issueActingTicket(acme.id, root.id, actor());
    await withPlatform((tx) =>
      tx.actingTicket.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } }),
    );
    expect(await redeemActingTicket(ticket, acme.id)).toBeNull();
  });

  it("stop working when their super-admin is no longer one", async () => {
    const demoted = await withPlatform((tx) =>
      tx.user.create({ data: { tenantId: null, email: "former@livery.test", name: "Former", role: "SUPER_ADMIN" } }),
    );
    const ticket = await issueActingTicket(acme.id, demoted.id, actor());
    await withPlatform((tx) => tx.user.delete({ where: { id: demoted.id } }));
    expect(await redeemActingTicket(ticket, acme.id)).toBeNull();
  });

  it("refuse anything that is not a ticket", async () => {
    for (const junk of ["", "x", "a".repeat(43), "../../etc", "a".repeat(500)]) {
      expect(await redeemActingTicket(junk, acme.id)).toBeNull();
    }
  });

  it("are not issued for a suspended tenant, and nothing is written", async () => {
    const before = await withPlatform((tx) => tx.actingTicket.count());
    await expect(issueActingTicket(halted.id, root.id, actor())).rejects.toMatchObject({
      code: "tenant_suspended",
      status: 403,
    } satisfies Partial<ApiError>);
    expect(await withPlatform((tx) => tx.actingTicket.count())).toBe(before);
  });
});

describe("an acting session", () => {
  const acting = (tenantId: string, actingUntil: number, sessionVersion = root.sessionVersion) =>
    sessionCookie({ id: root.id, role: "SUPER_ADMIN", tenantId, sessionVersion, actingUntil });
  const params = { id: "current" };

  it("works on its tenant's host, and changes are audited under the super-admin's name", async () => {
    const cookie = await acting(acme.id, Date.now() + 60_000);
    expect((await call(readConfig, "GET", "/tenants/current/config", { host: acme, cookie, params })).status).toBe(200);
    const patched = await call(updateConfig, "PATCH", "/tenants/current/config", {
      host: acme,
      cookie,
      params,
      headers: fromAcme,
      body: { branding: { primaryColor: "#1f4e79" } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const [entry] = await withPlatform((tx) =>
      tx.auditLog.findMany({ where: { tenantId: acme.id, action: "config.updated" }, orderBy: { createdAt: "desc" }, take: 1 }),
    );
    expect(entry).toMatchObject({ actorType: "USER", actorId: root.id, actorLabel: `${root.email} (super-admin)` });
  });

  it("is refused on another tenant's host, after its end, and once the super-admin signs out everywhere", async () => {
    const onGlobex = await call(readConfig, "GET", "/tenants/current/config", {
      host: globex,
      cookie: await acting(acme.id, Date.now() + 60_000),
      params,
    });
    expect(onGlobex.status).toBe(401);
    const ended = await call(readConfig, "GET", "/tenants/current/config", {
      host: acme,
      cookie: await acting(acme.id, Date.now() - 1),
      params,
    });
    expect(ended.status).toBe(401);
    const stale = await call(readConfig, "GET", "/tenants/current/config", {
      host: acme,
      cookie: await acting(acme.id, Date.now() + 60_000, root.sessionVersion + 1),
      params,
    });
    expect(stale.status).toBe(401);
  });

  it("does not count on the platform host", async () => {
    const res = await call(readConfig, "GET", `/tenants/${acme.id}/config`, {
      cookie: await acting(acme.id, Date.now() + 60_000),
      params: { id: acme.id },
    });
    expect(res.status).toBe(401);
  });

  it("H3: is a principal of its one tenant, with an admin's permissions, never a platform principal", async () => {
    const cookie = await acting(acme.id, Date.now() + 60_000);
    const list = await call(listTenants, "GET", "/tenants", { host: acme, cookie });
    expect(list.status, JSON.stringify(list.body)).toBe(403);
    const renamed = await call(patchTenant, "PATCH", `/tenants/${globex.id}`, {
      host: acme,
      cookie,
      params: { id: globex.id },
      headers: fromAcme,
      body: { name: "Taken over" },
    });
    expect([403, 404]).toContain(renamed.status);
    const other = await call(getTenantRoute, "GET", `/tenants/${globex.id}`, { host: acme, cookie, params: { id: globex.id } });
    expect([403, 404]).toContain(other.status);
    const [globexNow] = await withPlatform((tx) => tx.tenant.findMany({ where: { id: globex.id } }));
    expect(globexNow!.name).toBe("Globex");
    // Its own tenant, as an admin would: allowed.
    const own = await call(getTenantRoute, "GET", `/tenants/current`, { host: acme, cookie, params: { id: "current" } });
    expect(own.status).toBe(200);
  });
});
