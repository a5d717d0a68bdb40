import { randomUUID } from "node:crypto";
import { type ActionAnswer, callAction, encodeArgs } from "./action-client";
import type { Case, HostRef, SessionPlan } from "./action-cases";
import { HOSTILE_STRINGS, idValues, unknownId, validInput, wrongType } from "./action-inputs";
import { judge, type Verdict } from "./action-oracle";
import type { ActionWorld, Row, RowKind, TenantRef } from "./action-world";

// Turns a case into a request (host, session cookie, input with the rows it
// names) against the running server, sends it, and judges the answer. Each
// call is tagged by its user agent and its time window, which the audit
// oracle reads back at the end.

export type AuditWindow = {
  from: number;
  to: number;
  label: string;
  /** Where the call may write; null when it must write nothing. */
  allowed: ((tenantId: string | null) => boolean) | null;
  succeeded?: boolean;
};

export type CaseResult = { case: Case; verdict: Verdict; answer: ActionAnswer };

/** The pools a case takes fresh rows from, to count them before seeding. */
export function demandOf(cases: Case[]): Map<string, number> {
  const demand = new Map<string, number>();
  const need = (pool: string) => demand.set(pool, (demand.get(pool) ?? 0) + 1);
  for (const c of cases) {
    if (c.session.kind === "user" && c.session.fresh) need(`${c.session.tenant}:caller:${c.session.role}`);
    if (c.session.kind === "superAdmin" && c.session.fresh) need("platform:superAdmin");
    if (c.rows.kind !== "fresh") continue;
    const owner = c.rows.owner;
    const tenantField = c.action.fields.some((f) => f.id === "tenant");
    if (tenantField) need(`platform:${scratchKind(c)}`);
    for (const f of c.action.fields) {
      if (!f.id || f.id === "tenant" || (tenantField && f.name === "keyId")) continue;
      need(owner === "platform" ? "platform:platformKey" : `${owner}:${f.id}`);
    }
  }
  return demand;
}

/** The page's path: `[id]` from the input's tenantId, `[token]` from its token, when they look like one; else a placeholder. */
function pagePath(template: string, input: unknown): string {
  const values = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  return template.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = name === "id" ? values.tenantId : values[name];
    return typeof value === "string" && /^[\w-]{1,100}$/.test(value) ? value : "x";
  });
}

/** Activating needs a suspended tenant; every other platform action acts on an active scratch tenant. */
const scratchKind = (c: Case) => (c.action.name === "activateTenantAction" ? "suspendedScratch" : "scratch");

export class ActionRunner {
  private turn = 0;
  private lastDone = 0;
  readonly windows: AuditWindow[] = [];

  constructor(
    private readonly world: ActionWorld,
    private readonly port: number,
  ) {}

  private take(pool: string): Row {
    const row = this.world.pools[pool]?.pop();
    if (!row) throw new Error(`the fresh rows of ${pool} ran out: demandOf() and the cases disagree`);
    return row;
  }

  /** Users, super-admins and acting sessions in turn: each user has its own action rate limit. */
  private rotate<T>(list: T[]): T {
    return list[this.turn++ % list.length]!;
  }

  hostOf(ref: HostRef): string {
    const slug = ref === "platform" ? null : ref === "suspended" ? this.world.suspended.slug : this.world[ref].slug;
    return `${slug ? `${slug}.` : ""}localhost:${this.port}`;
  }

  private cookieOf(s: SessionPlan): string | undefined {
    switch (s.kind) {
      case "none":
        return undefined;
      case "user":
        return s.fresh
          ? this.take(`${s.tenant}:caller:${s.role}`).cookie
          : this.rotate(this.world.users[s.tenant][s.role]).cookie;
      case "superAdmin":
        return s.fresh ? this.take("platform:superAdmin").cookie : this.rotate(this.world.superAdmins).cookie;
      case "acting":
        return this.rotate(this.world.acting).cookie;
      case "suspendedOwner":
        return this.world.suspended.owner.cookie;
    }
  }

  private source(c: Case): (kind: string) => Row {
    const w = this.world;
    const rows = c.rows;
    if (rows.kind === "otherTenant") {
      const other: Row = { id: w.other.id, slug: w.other.slug, keyId: w.anchors.other.key.id };
      return (kind) =>
        kind === "tenant" ? other : kind === "key" ? w.platformAnchors.platformKey : w.anchors.other[kind as RowKind];
    }
    if (rows.owner === "platform") {
      if (rows.kind === "anchor") return (kind) => (kind === "tenant" ? w.platformAnchors.tenant : w.platformAnchors.platformKey);
      return (kind) => this.take(kind === "tenant" ? `platform:${scratchKind(c)}` : "platform:platformKey");
    }
    const owner = rows.owner;
    return rows.kind === "anchor" ? (kind) => w.anchors[owner][kind as RowKind] : (kind) => this.take(`${owner}:${kind}`);
  }

  /** The input the case sends, and for a foreign id its twin naming nothing. */
  private inputs(c: Case): { input: unknown; twin?: unknown } {
    const valid = this.validInput(c);
    const p = c.input;
    switch (p.kind) {
      case "valid":
        return { input: valid };
      case "foreign": {
        const row = this.world.anchors[p.from][c.action.fields.find((f) => f.name === p.field)!.id as RowKind];
        return {
          input: { ...valid, [p.field]: p.field === "token" ? row.token : row.id },
          twin: { ...valid, [p.field]: unknownId(p.field) },
        };
      }
      case "unknown":
        return { input: { ...valid, [p.field]: randomUUID() } };
      case "malformed":
        return { input: { ...valid, [p.field]: "not-an-id" } };
      case "wrong types":
        return { input: Object.fromEntries(c.action.fields.map((f) => [f.name, wrongType(f.type)])) };
      case "not an object":
        return { input: "not an object" };
      case "empty":
        return { input: {} };
      case "string": {
        const text = HOSTILE_STRINGS[p.which]!;
        const array = c.action.fields.find((f) => f.name === p.field)?.type === "array";
        return { input: { ...valid, [p.field]: array ? [text] : text } };
      }
    }
  }

  private async send(c: Case, input: unknown, cookie: string | undefined, label: string): Promise<ActionAnswer> {
    // Calls never overlap, and their windows are apart by more than the audit log's millisecond rounding.
    while (Date.now() < this.lastDone + 2) await new Promise((r) => setTimeout(r, 1));
    const answer = await callAction({
      port: this.port,
      host: this.hostOf(c.host),
      actionId: c.action.id,
      args: c.action.form ? [null, input] : [input],
      cookie,
      userAgent: `livery-actions ${label}`.slice(0, 400),
      path: pagePath(c.action.page, input),
    });
    this.lastDone = answer.doneAt;
    const allowed = c.expect.kind === "success" || c.expect.kind === "not internal" ? this.writable(c.actsOn) : null;
    this.windows.push({ from: answer.sentAt, to: answer.doneAt + 1, label, allowed });
    return answer;
  }

  /** Where a success may leave audit entries: its tenant, or for the platform anything but the seeded tenants. */
  private writable(actsOn: TenantRef | "platform"): (tenantId: string | null) => boolean {
    const w = this.world;
    const seeded = new Set([w.own.id, w.other.id, w.peer.id, w.suspended.id]);
    if (actsOn === "platform") return (id) => id === null || !seeded.has(id);
    const target = w[actsOn].id;
    return (id) => id === target;
  }

  /** The case's valid input (its rows taken now), for the fuzz suite to vary. */
  validInput(c: Case): Record<string, unknown> {
    return validInput(c.action.input, idValues(c.action.fields, this.source(c)));
  }

  /** Sends the case; `explicit` replaces its planned input (the fuzz suite's generated ones). */
  async run(c: Case, label: string, explicit?: { input: unknown }): Promise<CaseResult> {
    const { input, twin }: { input: unknown; twin?: unknown } = explicit ?? this.inputs(c);
    const cookie = this.cookieOf(c.session);
    const twinAnswer = twin === undefined ? undefined : await this.send(c, twin, cookie, `${label} (twin)`);
    const answer = await this.send(c, input, cookie, label);
    const verdict = judge(c, answer, input, encodeArgs([input]), this.world, twinAnswer);
    const window = this.windows[this.windows.length - 1]!;
    window.succeeded = verdict.outcome === "success";
    // A call that may go either way must write nothing when it was refused.
    if (!window.succeeded) window.allowed = null;
    return { case: c, answer, verdict };
  }
}
