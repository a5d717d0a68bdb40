import type { RouteSpec } from "@/lib/api/spec";
import { getEnv } from "@/lib/env";
import { minimalBody } from "./bodies";
import { type Case, CREDENTIALS, type Expectation, HINTS, type ParamKind, type ParamValue, type TenantRef } from "./oracle";
import { contractProblem } from "../helpers/contract";
import { sendAndRead } from "./pipeline";
import { type LoadedRoute, MUTATING } from "./routes";
import { freshRows, type World } from "./world";

// The cases of one route (every credential × tenant hint × way to fill its
// path), and how one case is sent and judged.

/** A path parameter's kind, from the collection it follows: /tenants/{id}, /content/{id}, /api-keys/{keyId}, /domains/{domainId}. */
const COLLECTIONS: Record<string, ParamKind> = { tenants: "tenant", content: "content", "api-keys": "key", domains: "domain" };

const VALUES: Record<ParamKind, ParamValue[]> = {
  tenant: ["own", "current", "other"],
  content: ["own", "other"],
  key: ["own", "other"],
  domain: ["own", "other"],
};

export function paramSlots(spec: RouteSpec): { name: string; kind: ParamKind }[] {
  const segments = spec.path.split("/");
  return segments.flatMap((segment, i) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!name) return [];
    const kind = COLLECTIONS[segments[i - 1] ?? ""];
    if (!kind)
      throw new Error(
        `The isolation matrix does not know what {${name}} names in ${spec.path}: add its collection to COLLECTIONS`,
      );
    return [{ name, kind }];
  });
}

export function casesFor(spec: RouteSpec): Case[] {
  let fillings: Case["params"][] = [[]];
  for (const slot of paramSlots(spec)) {
    fillings = fillings.flatMap((filled) => VALUES[slot.kind].map((value) => [...filled, { ...slot, value }]));
  }
  // A viewer's session is a case where writes are concerned.
  const credentials = CREDENTIALS.filter((c) => c !== "ownViewerSession" || MUTATING.has(spec.method));
  return fillings.flatMap((params) =>
    credentials.flatMap((credential) => HINTS.map((hint) => ({ route: spec, credential, hint, params }))),
  );
}

export function describeCase(c: Case): string {
  let path = c.route.path;
  for (const p of c.params)
    path = path.replace(`{${p.name}}`, p.kind === "tenant" && p.value === "current" ? "current" : `<${p.value} ${p.kind}>`);
  return `${c.route.method} ${path} as ${c.credential} via ${c.hint}`;
}

async function paramValue(world: World, kind: ParamKind, value: ParamValue, expectation: Expectation): Promise<string> {
  if (value === "current") return "current";
  const tenant = world[value];
  if (kind === "tenant") return value === "own" && expectation.acting === "scratch" ? freshRows.tenant() : tenant.id;
  // The other tenant's seeded rows stay; the own tenant's are made per case, since a case may delete or rotate one.
  return value === "other" ? tenant.rows[kind] : freshRows[kind](tenant.id);
}

function headersFor(world: World, c: Case): Headers {
  const root = `${getEnv().ROOT_DOMAIN}:3000`;
  const headers = new Headers();
  const spoofInternal = () => {
    headers.set("x-tenant-id", world.other.id);
    headers.set("x-livery-tenant-hint-id", world.other.id);
    headers.set("x-livery-tenant-hint-slug", world.other.slug);
  };
  switch (c.hint) {
    case "ownHost":
      headers.set("host", world.own.host);
      break;
    case "otherHost":
      headers.set("host", world.other.host);
      break;
    case "slugOtherOnPlatformHost":
      headers.set("host", root);
      headers.set("x-tenant-slug", world.other.slug);
      break;
    case "slugOtherOnOwnHost":
      headers.set("host", world.own.host);
      headers.set("x-tenant-slug", world.other.slug);
      break;
    case "internalHeadersOtherOnPlatformHost":
      headers.set("host", root);
      spoofInternal();
      break;
    case "internalHeadersOtherOnOwnHost":
      headers.set("host", world.own.host);
      spoofInternal();
      break;
  }
  const s = world.secrets;
  const keys: Partial<Record<Case["credential"], string>> = {
    ownKey: s.ownKey,
    otherKey: s.otherKey,
    ownKeyWithoutPermission: s.ownKeyWithout[c.route.permission ?? "none"],
    revokedKey: s.revokedKey,
    expiredKey: s.expiredKey,
    platformKey: s.platformKey,
  };
  const cookies: Partial<Record<Case["credential"], string>> = {
    otherOwnerSession: s.otherOwnerSession,
    ownViewerSession: s.ownViewerSession,
  };
  const key = keys[c.credential];
  const cookie = cookies[c.credential];
  if (key) headers.set("authorization", `Bearer ${key}`);
  if (cookie) {
    headers.set("cookie", cookie);
    // Same-origin, as the portal's own pages send it: a refusal must be about the tenant, not CSRF.
    headers.set("origin", `http://${headers.get("host")}`);
  }
  return headers;
}

/** Sends one case through the middleware and the route; returns what is wrong with the answer (nothing, when right). */
export async function runCase(world: World, route: LoadedRoute, c: Case, expected: Expectation): Promise<string[]> {
  let path = c.route.path;
  for (const p of c.params) path = path.replace(`{${p.name}}`, await paramValue(world, p.kind, p.value, expected));
  const headers = headersFor(world, c);
  const body = minimalBody(c.route);
  if (body !== undefined) headers.set("content-type", "application/json");
  const res = await sendAndRead(route.handler, {
    method: c.route.method,
    path,
    pattern: c.route.path,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  const problems: string[] = [];
  const error = (res.json as { error?: { code?: string; requestId?: string } } | null)?.error;
  const ok = res.status >= 200 && res.status < 300;
  if (expected.status === "2xx" ? !ok : res.status !== expected.status) {
    problems.push(
      `status ${res.status} (${error?.code ?? "no code"}), expected ${expected.status} ${expected.code ?? ""}`.trim(),
    );
  } else if (expected.code && error?.code !== expected.code) {
    problems.push(`code ${error?.code}, expected ${expected.code}`);
  }
  if (res.status >= 400 && (!error?.requestId || error.requestId !== res.headers.get("x-request-id"))) {
    problems.push("error without the envelope's requestId matching X-Request-Id");
  }
  const contract = contractProblem(
    c.route,
    { status: res.status, body: res.json, headers: res.headers },
    { rateLimited: c.credential !== "platformKey" },
  );
  if (contract) problems.push(contract);
  for (const ref of ["own", "other"] as TenantRef[]) {
    if (expected.entitled.includes(ref)) continue;
    const leaked = world[ref].tokens.filter((token) => res.text.includes(token));
    if (leaked.length > 0) problems.push(`the body shows the ${ref} tenant's ${leaked.join(", ")}`);
  }
  return problems;
}
