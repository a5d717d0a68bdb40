import "server-only";
import type { Actor } from "@/lib/audit/record";
import { auditLabelOf } from "@/lib/auth/member";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { ApiError, forbidden, notFound, unauthenticated } from "@/lib/http/errors";
import { getEnv } from "@/lib/env";
import { servesHost } from "@/lib/tenancy/serves-host";
import { getTenantSnapshot, type TenantSnapshot } from "@/lib/tenants/status";
import type { Caller } from "./caller";
import { enforceEntryLimit, type EntryLimit } from "./limits";

/**
 * Who may use a browser entry point (Server Action or non-REST route):
 * - tenant:   a signed-in user of the host's tenant holding `permission`;
 * - platform: a super-admin signed in on the platform host;
 * - account:  anyone signed in on this host, about their own account;
 * - public:   no session needed, on a tenant's host.
 * An acting super-admin ("Open as admin") is a tenant admin there; entry
 * points about one's own account or ownership refuse acting sessions.
 */
export type EntryAccess =
  | { access: "tenant"; permission: Permission; acting?: "allow" | "refuse" }
  | { access: "platform" }
  | { access: "account" }
  | { access: "public" };

export type EntrySpec = EntryAccess & { limit?: EntryLimit };

export type TenantContext = {
  user: SessionUser;
  tenantId: string;
  tenant: TenantSnapshot;
  actor: Actor;
  requestId: string;
};
export type PlatformContext = { user: SessionUser; actor: Actor; requestId: string };
export type AccountContext = { user: SessionUser; tenantId: string | null; actor: Actor; requestId: string };
export type PublicContext = { tenantId: string; tenant: TenantSnapshot; actor: Actor; requestId: string };

const SIGNED_OUT = () => unauthenticated("unauthenticated", "Your session has ended. Sign in again.");

function actorOf(caller: Caller, user: SessionUser | null): Actor {
  const where = { ip: caller.ip, userAgent: caller.userAgent };
  return user ? { type: "USER", id: user.id, label: auditLabelOf(user), ...where } : { type: "SYSTEM", ...where };
}

/** The tenant as of now (not as of the middleware's cache): suspended tenants are refused at once. */
async function liveTenant(tenantId: string, host?: string | null): Promise<TenantSnapshot> {
  const tenant = await getTenantSnapshot(tenantId);
  if (!tenant) throw notFound("This portal");
  if (!servesHost(tenant, host ?? null, getEnv().ROOT_DOMAIN)) throw notFound("This portal");
  if (tenant.status !== "ACTIVE") throw forbidden("tenant_suspended", "This portal is suspended.");
  return tenant;
}

/**
 * The checks every browser entry point makes, in this order: the session
 * bound to the host, the tenant's live status, the acting-session rules, the
 * permission, the rate limit. Throws an ApiError on refusal; input is
 * validated after this by the caller.
 */
export async function admit(spec: EntrySpec & { access: "tenant" }, caller: Caller): Promise<TenantContext>;
export async function admit(spec: EntrySpec & { access: "platform" }, caller: Caller): Promise<PlatformContext>;
export async function admit(spec: EntrySpec & { access: "account" }, caller: Caller): Promise<AccountContext>;
export async function admit(spec: EntrySpec & { access: "public" }, caller: Caller): Promise<PublicContext>;
export async function admit(
  spec: EntrySpec,
  caller: Caller,
): Promise<TenantContext | PlatformContext | AccountContext | PublicContext> {
  const { user, hostTenantId, requestId } = caller;
  const limit = spec.limit ?? "standard";
  switch (spec.access) {
    case "tenant": {
      if (!hostTenantId) throw notFound("This page");
      if (!user || user.tenantId !== hostTenantId) throw SIGNED_OUT();
      const tenant = await liveTenant(hostTenantId, caller.host);
      if (user.actingUntil !== undefined && spec.acting === "refuse") {
        throw forbidden("acting_not_allowed", "You opened this portal as a super-admin; only its own members can do this.");
      }
      if (!can(user.role, spec.permission)) {
        throw forbidden("insufficient_permissions", `Your role cannot do this (it needs the ${spec.permission} permission).`);
      }
      await enforceEntryLimit(limit, { userId: user.id, tenantId: hostTenantId, ip: caller.ip });
      return { user, tenantId: hostTenantId, tenant, actor: actorOf(caller, user), requestId };
    }
    case "platform": {
      if (!user && !hostTenantId) throw SIGNED_OUT();
      if (!user || hostTenantId || user.role !== "SUPER_ADMIN" || user.tenantId !== null || user.actingUntil !== undefined) {
        throw forbidden("platform_only", "Only a super-admin signed in on the platform host can do this.");
      }
      await enforceEntryLimit(limit, { userId: user.id, tenantId: null, ip: caller.ip });
      return { user, actor: actorOf(caller, user), requestId };
    }
    case "account": {
      if (!user) throw SIGNED_OUT();
      if (hostTenantId) await liveTenant(hostTenantId, caller.host);
      if (user.actingUntil !== undefined) {
        throw forbidden(
          "acting_not_allowed",
          "You are acting as a super-admin here: manage your own account on the platform host.",
        );
      }
      await enforceEntryLimit(limit, { userId: user.id, tenantId: hostTenantId, ip: caller.ip });
      return { user, tenantId: hostTenantId, actor: actorOf(caller, user), requestId };
    }
    case "public": {
      // On the platform host there is nothing here, as for any page that does not exist.
      if (!hostTenantId) throw new ApiError("not_found", 404, "Open this on the portal's own address.");
      const tenant = await liveTenant(hostTenantId, caller.host);
      await enforceEntryLimit(limit, { userId: null, tenantId: hostTenantId, ip: caller.ip });
      return { tenantId: hostTenantId, tenant, actor: actorOf(caller, null), requestId };
    }
  }
}
