import { can, TENANT_ROLES, type TenantRole } from "@/lib/auth/permissions";
import { HOSTILE_STRINGS } from "./action-inputs";
import type { ActionSpec } from "./action-specs";
import type { TenantRef } from "./action-world";

// The cases of one Server Action, derived from its registered spec (access,
// permission, acting rule, input): every credential variant that applies to
// it, with what each must get (docs/reliability.md, "Server Actions in the
// matrix and the fuzz suite"), and hostile inputs with a permitted session.

export type HostRef = TenantRef | "suspended" | "platform";

/** Who calls: a tenant's session on a host (each variant of the docs' table), by name. */
export type Variant =
  "own" | "own without permission" | "other@own" | "peer" | "acting" | "none" | "suspended" | "superAdmin" | "own@platform";

export type SessionPlan =
  | { kind: "none" }
  /** `fresh`: a user of its own, for actions that end the caller's session or role. */
  | { kind: "user"; tenant: TenantRef; role: TenantRole; fresh: boolean }
  | { kind: "superAdmin"; fresh: boolean }
  | { kind: "acting" }
  | { kind: "suspendedOwner" };

/** Whose rows the input names: fresh ones (a case that may succeed), or ones never consumed. */
export type RowsPlan =
  { kind: "fresh"; owner: TenantRef | "platform" } | { kind: "anchor"; owner: TenantRef | "platform" } | { kind: "otherTenant" };

export type InputPlan =
  | { kind: "valid" }
  /** An id field names a row of `from`; sent beside a twin naming nothing, and must be answered alike. */
  | { kind: "foreign"; field: string; from: TenantRef }
  | { kind: "unknown"; field: string }
  | { kind: "malformed"; field: string }
  | { kind: "wrong types" }
  | { kind: "not an object" }
  | { kind: "empty" }
  | { kind: "string"; field: string; which: string };

export type Expect =
  | { kind: "success" }
  /** Refused; with the exact code when one is given. */
  | { kind: "refused"; code?: string }
  /** The middleware's 403 for a suspended host, or the action's tenant_suspended. */
  | { kind: "suspended host" }
  | { kind: "same as unknown" }
  /** Accepted or refused, but never an internal error. */
  | { kind: "not internal" };

export type Case = {
  action: ActionSpec;
  variant: Variant;
  host: HostRef;
  session: SessionPlan;
  rows: RowsPlan;
  input: InputPlan;
  expect: Expect;
  /** Where a success may write: the host's tenant, or ("platform") anything but the seeded tenants. */
  actsOn: TenantRef | "platform";
};

/** Actions that end the caller's session or role on success, so each such case needs a user of its own. */
export const CONSUMES_CALLER: Record<string, string> = {
  transferOwnershipAction: "the owner who hands over becomes an admin and must sign in again",
  changePasswordAction: "a new password ends every session of the account",
  signOutEverywhereAction: "ends every session of the account",
};

const VALIDATION = { kind: "refused", code: "validation_failed" } as const;

/** Hostile inputs for a permitted session; `from` is the tenant whose rows count as foreign. */
export function hostilePlans(a: ActionSpec, from: TenantRef | null): InputPlan[] {
  const plans: InputPlan[] = [];
  for (const f of a.fields) {
    if (f.id && f.id !== "tenant" && from) plans.push({ kind: "foreign", field: f.name, from });
    if (f.id === "tenant") plans.push({ kind: "unknown", field: f.name });
    if (f.id && f.name !== "token") plans.push({ kind: "malformed", field: f.name });
  }
  if (a.fields.length > 0) plans.push({ kind: "wrong types" });
  plans.push({ kind: "not an object" });
  if (!a.input.safeParse({}).success && a.fields.length > 0) plans.push({ kind: "empty" });
  for (const f of a.fields) {
    if (f.id || (f.type !== "string" && f.type !== "array")) continue;
    for (const which of Object.keys(HOSTILE_STRINGS)) plans.push({ kind: "string", field: f.name, which });
  }
  return plans;
}

export function expectOf(plan: InputPlan): Expect {
  switch (plan.kind) {
    case "valid":
      return { kind: "success" };
    case "foreign":
      return { kind: "same as unknown" };
    case "unknown":
      return { kind: "refused" };
    case "string":
      return { kind: "not internal" };
    default:
      return VALIDATION;
  }
}

const OWN_ANCHOR: RowsPlan = { kind: "anchor", owner: "own" };
const user = (tenant: TenantRef, role: TenantRole, fresh = false): SessionPlan => ({ kind: "user", tenant, role, fresh });
const ACTING: SessionPlan = { kind: "acting" };

/** Every case of one action. */
export function casesFor(a: ActionSpec): Case[] {
  const out: Case[] = [];
  const consumes = a.name in CONSUMES_CALLER;
  const add = (c: Omit<Case, "action" | "input"> & { input?: InputPlan }) =>
    out.push({ input: { kind: "valid" }, ...c, action: a });
  const refuse = (variant: Variant, host: HostRef, session: SessionPlan, code: string, rows = OWN_ANCHOR) =>
    add({ variant, host, session, rows, expect: { kind: "refused", code }, actsOn: "own" });
  const succeed = (variant: Variant, host: TenantRef | "platform", session: SessionPlan) =>
    add({
      variant,
      host,
      session,
      rows: { kind: "fresh", owner: host },
      expect: { kind: "success" },
      actsOn: host === "platform" ? "platform" : host,
    });
  // A permitted variant: a success, then hostile inputs (all of them for the main session, one otherwise).
  const permitted = (variant: Variant, host: TenantRef | "platform", session: (fresh: boolean) => SessionPlan, all: boolean) => {
    succeed(variant, host, session(consumes));
    const plans = hostilePlans(a, host === "own" ? "other" : host === "peer" ? "own" : null);
    for (const input of all ? plans : plans.slice(0, 1)) {
      const fresh = input.kind === "string";
      const rows: RowsPlan = { kind: fresh ? "fresh" : "anchor", owner: host };
      const actsOn = host === "platform" ? "platform" : host;
      add({ variant, host, session: session(consumes && fresh), rows, input, expect: expectOf(input), actsOn });
    }
  };

  if (a.access === "tenant") {
    const roles = TENANT_ROLES.filter((r) => can(r, a.permission!));
    const main = roles[roles.length - 1]!;
    for (const role of TENANT_ROLES) {
      if (role === main) permitted("own", "own", (fresh) => user("own", role, fresh), true);
      else if (roles.includes(role)) succeed("own", "own", user("own", role, consumes));
      else refuse("own without permission", "own", user("own", role), "insufficient_permissions");
    }
    refuse("other@own", "own", user("other", "OWNER"), "unauthenticated");
    permitted("peer", "peer", (fresh) => user("peer", main, fresh), false);
    if (a.acting === "refuse") refuse("acting", "own", ACTING, "acting_not_allowed");
    else if (can("ADMIN", a.permission!)) permitted("acting", "own", () => ACTING, false);
    else refuse("acting", "own", ACTING, "insufficient_permissions");
    refuse("none", "own", { kind: "none" }, "unauthenticated");
    refuse("superAdmin", "platform", { kind: "superAdmin", fresh: false }, "not_found");
  } else if (a.access === "platform") {
    permitted("superAdmin", "platform", (fresh) => ({ kind: "superAdmin", fresh }), true);
    // Aimed at the other tenant: a breach would show in its snapshot as well as in the answer.
    const other: RowsPlan = { kind: "otherTenant" };
    refuse("own", "own", user("own", "OWNER"), "platform_only", other);
    refuse("own@platform", "platform", user("own", "OWNER"), "unauthenticated", other);
    refuse("acting", "own", ACTING, "platform_only", other);
    refuse("none", "platform", { kind: "none" }, "unauthenticated", other);
  } else if (a.access === "account") {
    permitted("own", "own", (fresh) => user("own", "MEMBER", fresh), true);
    permitted("peer", "peer", (fresh) => user("peer", "MEMBER", fresh), false);
    permitted("superAdmin", "platform", (fresh) => ({ kind: "superAdmin", fresh }), false);
    refuse("other@own", "own", user("other", "MEMBER"), "unauthenticated");
    refuse("acting", "own", ACTING, "acting_not_allowed");
    refuse("none", "own", { kind: "none" }, "unauthenticated");
  } else {
    permitted("none", "own", () => ({ kind: "none" }), true);
    permitted("own", "own", () => user("own", "MEMBER"), false);
    permitted("peer", "peer", () => ({ kind: "none" }), false);
    refuse("superAdmin", "platform", { kind: "superAdmin", fresh: false }, "not_found");
  }
  const suspendedRows: RowsPlan = { kind: "anchor", owner: a.access === "platform" ? "platform" : "own" };
  add({
    variant: "suspended",
    host: "suspended",
    session: { kind: "suspendedOwner" },
    rows: suspendedRows,
    expect: { kind: "suspended host" },
    actsOn: "own",
  });
  return out;
}

export function describeCase(c: Case): string {
  const who = c.session.kind === "user" ? ` (${c.session.role})` : "";
  const p = c.input;
  const input =
    p.kind === "valid"
      ? "valid input"
      : "field" in p
        ? `${p.kind} ${p.field}${p.kind === "string" ? ` (${p.which})` : ""}`
        : p.kind;
  return `${c.variant}${who} on the ${c.host} host, ${input}`;
}
