import { hashPassword } from "@/lib/auth/passwords";
import { TENANT_ROLES, type TenantRole } from "@/lib/auth/permissions";
import { withPlatform } from "@/lib/db/platform";
import { seedWorld } from "../isolation/world";
import { makeRow, platformRow, remainingTables, sessionOf, userRow } from "./action-rows";

// The world the Server Action matrix runs in, seeded before the server starts
// (PGlite is single-process: once `next start` owns the data directory,
// nothing else may write to it). On top of the REST matrix's two tenants
// (tests/isolation/world.ts: a marker in every kind of row), each gets users
// of every role, rows for the cases to consume, and one of each remaining
// table. A third active tenant, "peer", is where a tenant's own session acts
// on its own host: the other tenant is only ever a target, so its rows must
// stay exactly as seeded. Plus a suspended tenant, super-admins and scratch
// tenants for the platform's actions. Every name carries its tenant's marker,
// so a body showing any of it is caught by the marker alone.

export type TenantRef = "own" | "other" | "peer";
/** Rows of a tenant that an action's input can name. */
export type RowKind = "key" | "domain" | "member" | "invitation";
export type Row = { id: string; token?: string; slug?: string; keyId?: string; cookie?: string };
export type Session = { userId: string; cookie: string };
export type WorldTenant = { id: string; slug: string; tokens: string[] };

/**
 * How many fresh rows the cases will consume, by pool: `own:key`,
 * `peer:caller:OWNER`, `platform:scratch`, `platform:superAdmin`, `platform:platformKey`.
 */
export type Demand = Map<string, number>;

export type ActionWorld = Record<TenantRef, WorldTenant> & {
  suspended: { id: string; slug: string; owner: Session };
  /** Users who are not consumed, by role; cases take them in turn (each user has its own action rate limit). */
  users: Record<TenantRef, Record<TenantRole, Session[]>>;
  superAdmins: Session[];
  /** Acting sessions ("Open as admin") in the own tenant. */
  acting: Session[];
  /** Rows that are never consumed: what refused cases name, and the "another tenant's ids" of hostile inputs. */
  anchors: Record<TenantRef, Record<RowKind, Row>>;
  /** The same for the platform's actions: a scratch tenant (with a key) and a platform key. */
  platformAnchors: { tenant: Row; platformKey: Row };
  pools: Record<string, Row[]>;
  /** TXT records for the pending domains: `_livery.<hostname>` → its token, served by the suite's DNS server. */
  dns: [string, string[]][];
};

/** Every seeded user's password (the change-password cases need the current one). */
export const PASSWORD = "correct-horse-actions-7q3";
const ROTATION = 3;
const PEER = { slug: "act-peer-4v8", marker: "peermark4v8" };

/** Seeds everything before the server starts; `demand` says how many fresh rows each pool needs. */
export async function seedActionWorld(demand: Demand): Promise<ActionWorld> {
  const base = await seedWorld();
  const hash = await hashPassword(PASSWORD);
  const dns: ActionWorld["dns"] = [];
  const peer = await withPlatform(async (tx) => {
    const tenant = await tx.tenant.create({ data: { slug: PEER.slug, name: `Tenant ${PEER.marker}`, plan: "enterprise" } });
    await tx.tenantConfig.create({ data: { tenantId: tenant.id } });
    return { id: tenant.id, slug: PEER.slug, marker: PEER.marker, tokens: [tenant.id, PEER.slug, PEER.marker] };
  });
  const tenants = { own: base.own, other: base.other, peer };
  const users = {} as ActionWorld["users"];
  const anchors = {} as ActionWorld["anchors"];
  const pools: Record<string, Row[]> = {};
  // Several short transactions: one would outlive the transaction timeout on a busy machine.
  const supers = await withPlatform((tx) =>
    Promise.all(Array.from({ length: ROTATION }, () => userRow(tx, null, "SUPER_ADMIN", "platform", hash))),
  );
  for (const ref of ["own", "other", "peer"] as const) {
    const { id, marker } = tenants[ref];
    await withPlatform(async (tx) => {
      // Rows by the hundred: the plan's limits must not be what refuses a case.
      await tx.tenantConfig.update({
        where: { tenantId: id },
        data: { limits: { apiKeys: 1_000_000, customDomains: 10_000, users: 100_000 } },
      });
      users[ref] = {} as Record<TenantRole, Session[]>;
      for (const role of TENANT_ROLES) {
        const made = await Promise.all(Array.from({ length: ROTATION }, () => userRow(tx, id, role, marker, hash)));
        users[ref][role] = await Promise.all(made.map((u) => sessionOf(u)));
      }
      anchors[ref] = {} as Record<RowKind, Row>;
      for (const kind of ["key", "domain", "member", "invitation"] as const) {
        anchors[ref][kind] = await makeRow(tx, kind, id, marker, hash, dns);
      }
      if (ref !== "peer") await remainingTables(tx, id, marker, users[ref].OWNER[0]!.userId, supers[0]!.id);
    });
  }
  for (const [pool, count] of demand) {
    const [owner, ...rest] = pool.split(":");
    const kind = rest.join(":");
    pools[pool] = await withPlatform(async (tx) => {
      const rows: Row[] = [];
      for (let i = 0; i < count; i++) {
        if (owner === "platform") rows.push(await platformRow(tx, kind, hash));
        else if (kind.startsWith("caller:")) {
          const { id, marker } = tenants[owner as TenantRef];
          const user = await userRow(tx, id, kind.slice("caller:".length) as TenantRole, marker, hash);
          rows.push({ id: user.id, cookie: (await sessionOf(user)).cookie });
        } else {
          const { id, marker } = tenants[owner as TenantRef];
          rows.push(await makeRow(tx, kind as RowKind, id, marker, hash, dns));
        }
      }
      return rows;
    });
  }
  const platformAnchors = await withPlatform(async (tx) => ({
    tenant: await platformRow(tx, "scratch", hash),
    platformKey: await platformRow(tx, "platformKey", hash),
  }));
  const suspended = await withPlatform(async (tx) => {
    const tenant = await tx.tenant.create({
      data: { slug: "act-suspended-5m1", name: "Suspended portal", status: "SUSPENDED", suspendedAt: new Date() },
    });
    return { tenant, owner: await userRow(tx, tenant.id, "OWNER", "suspended5m1", hash) };
  });
  const tenant = (ref: TenantRef): WorldTenant => ({
    id: tenants[ref].id,
    slug: tenants[ref].slug,
    tokens: [
      ...tenants[ref].tokens,
      ...Object.values(users[ref]).flatMap((list) => list.map((s) => s.userId)),
      ...Object.values(anchors[ref]).map((row) => row.id),
      ...Object.entries(pools).flatMap(([name, rows]) => (name.startsWith(`${ref}:`) ? rows.map((r) => r.id) : [])),
    ],
  });
  return {
    own: tenant("own"),
    other: tenant("other"),
    peer: tenant("peer"),
    suspended: { id: suspended.tenant.id, slug: suspended.tenant.slug, owner: await sessionOf(suspended.owner) },
    users,
    superAdmins: await Promise.all(supers.map((u) => sessionOf(u))),
    acting: await Promise.all(supers.map((u) => sessionOf(u, tenants.own.id))),
    anchors,
    platformAnchors,
    pools,
    dns,
  };
}
