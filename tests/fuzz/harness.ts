import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll } from "vitest";
import type { RouteSpec } from "@/lib/api/spec";
import { withPlatform } from "@/lib/db/platform";
import { getEnv } from "@/lib/env";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { announceTenantChange } from "@/lib/tenants/status";
import { startDnsServer } from "../helpers/dns-server";
import { setupTestDatabase } from "../helpers/setup-test-database";
import { minimalBody } from "../isolation/bodies";
import { paramSlots } from "../isolation/matrix";
import { contractProblem } from "../helpers/contract";
import { installPipeline, sendAndRead } from "../isolation/pipeline";
import { type LoadedRoute, MUTATING } from "../isolation/routes";
import { databaseFingerprint } from "../isolation/snapshot";
import { freshRows, seedWorld, type World } from "../isolation/world";
import { POLLUTION_MARKER } from "./arbitraries";
import { knownBugFor } from "./known-bugs";

// One fuzz test file's world and the properties every request must keep:
// no 5xx; a 4xx carries the error envelope with X-Request-Id equal to its
// requestId; a rejected request changes nothing in the database; no response
// shows the other tenant's data; Object.prototype stays clean.

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30);

/** What a case changes from the route's valid request; everything else stays valid so the input under test is what is judged. */
export type Variation = {
  body?: string;
  /** The raw query string, without `?`. */
  query?: string;
  /** Path parameters to replace, already percent-encoded as they go in the path. */
  params?: Record<string, string>;
  headers?: Record<string, string>;
  host?: string;
};

/** A deterministic seed per route and property, so one route's inputs do not depend on which others exist. */
export function seedFor(name: string): number {
  return (FUZZ_SEED + createHash("sha256").update(name).digest().readUInt32BE(0)) | 0;
}

/** fast-check prints a counterexample in full; a megabyte of it helps no one. */
export function printable<T extends object | string>(value: T): { value: T } {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const shown = text.length > 300 ? `${JSON.stringify(text.slice(0, 300))}… (${text.length} chars)` : JSON.stringify(text);
  return { value, [fc.toStringMethod]: () => shown } as { value: T };
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

export function assertPrototypeClean(): void {
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  if (JSON.stringify(names) !== JSON.stringify(PROTOTYPE_NAMES) || POLLUTION_MARKER in {}) {
    throw new Error(`Object.prototype was polluted: ${names.filter((n) => !PROTOTYPE_NAMES.includes(n)).join(", ")}`);
  }
}

function excerpt(text: string | undefined, max = 300): string {
  if (text === undefined) return "(none)";
  return text.length > max ? `${JSON.stringify(text.slice(0, max))}… (${text.length} chars)` : JSON.stringify(text);
}

/** Call at the top of a fuzz test file: a fresh database, both seeded tenants, the middleware pipeline. */
export function fuzzHarness(label: string) {
  const db = setupTestDatabase();
  let world: World;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let uninstall: () => void;
  let ownState: Awaited<ReturnType<typeof readOwnState>>;
  let cases = 0;
  const knownHits = new Map<string, number>();

  const readOwnState = () =>
    withPlatform(async (tx) => ({
      tenant: await tx.tenant.findUniqueOrThrow({ where: { id: world.own.id } }),
      config: await tx.tenantConfig.findUniqueOrThrow({ where: { tenantId: world.own.id } }),
    }));

  beforeAll(async () => {
    uninstall = installPipeline();
    dns = await startDnsServer(new Map());
    process.env.DNS_RESOLVER = dns.address;
    world = await seedWorld();
    ownState = await readOwnState();
  });

  afterAll(async () => {
    uninstall?.();
    delete process.env.DNS_RESOLVER;
    await dns?.close();
    assertPrototypeClean();
    const known = [...knownHits].map(([id, n]) => `${id} ×${n}`).join(", ");
    console.log(
      `fuzz ${label}: ${cases} cases (FUZZ_SEED=${FUZZ_SEED}, FUZZ_RUNS=${FUZZ_RUNS} per property)` +
        (known ? `; 5xx from known open bugs (tests/fuzz/known-bugs.ts): ${known}` : ""),
    );
  });

  /** A successful change to the own tenant (a config with an IP allowlist, say) must not refuse every later case. */
  async function restoreOwnTenant(): Promise<void> {
    const { tenant, config } = ownState;
    await withPlatform(async (tx) => {
      await tx.tenant.update({
        where: { id: tenant.id },
        data: { name: tenant.name, plan: tenant.plan, status: tenant.status, suspendedAt: null, suspendedReason: null },
      });
      const sections = ["branding", "features", "limits", "security", "payment"] as const;
      const data = Object.fromEntries(sections.map((name) => [name, config[name] ?? {}]));
      await tx.tenantConfig.update({ where: { tenantId: tenant.id }, data });
    });
    await announceTenantChange(tenant.id);
  }

  /** The route's valid request: its credential and host, and every path parameter naming a row that exists. */
  async function validRequest(spec: RouteSpec) {
    const platform = spec.access === "platform";
    let path = spec.path;
    for (const slot of paramSlots(spec)) {
      // A fresh row per case: the route may delete or rotate it. The platform's routes may delete or suspend their tenant.
      const value =
        slot.kind !== "tenant" ? await freshRows[slot.kind](world.own.id) : platform ? await freshRows.tenant() : world.own.id;
      path = path.replace(`{${slot.name}}`, value);
    }
    const headers: Record<string, string> = {
      host: platform ? `${getEnv().ROOT_DOMAIN}:3000` : world.own.host,
      authorization: `Bearer ${platform ? world.secrets.platformKey : world.secrets.ownKey}`,
    };
    const body = minimalBody(spec);
    if (body !== undefined) headers["content-type"] = "application/json";
    return { path, headers, body: body === undefined ? undefined : JSON.stringify(body) };
  }

  /** Sends the route's valid request with the variation applied; throws, naming the exact input, if a property breaks. */
  async function probe(route: LoadedRoute, variation: Variation, options: { strict?: boolean } = {}): Promise<void> {
    resetRateLimits();
    const valid = await validRequest(route.spec);
    let path = valid.path;
    for (const [name, encoded] of Object.entries(variation.params ?? {})) {
      const segments = route.spec.path.split("/");
      const index = segments.indexOf(`{${name}}`);
      const parts = path.split("/");
      parts[index] = encoded;
      path = parts.join("/");
    }
    if (variation.query !== undefined) path += `?${variation.query}`;
    const headers = new Headers({ ...valid.headers, ...(variation.host !== undefined ? { host: variation.host } : {}) });
    for (const [name, value] of Object.entries(variation.headers ?? {})) headers.set(name, value);
    const body = variation.body ?? valid.body;
    if (variation.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");

    const before = await databaseFingerprint(db.current.client);
    const res = await sendAndRead(route.handler, { method: route.spec.method, path, pattern: route.spec.path, headers, body });
    cases++;
    const input = [
      `${route.spec.method} ${excerpt(path, 200)}`,
      `headers ${excerpt(JSON.stringify(Object.fromEntries(headers)), 400)}`,
      `body ${excerpt(body)}`,
      `→ ${res.status} ${excerpt(res.text, 400)}`,
    ].join("\n  ");
    const fail = (why: string) => {
      throw new Error(`${why}\n  ${input}`);
    };

    if (res.status >= 500) {
      const known = options.strict ? undefined : knownBugFor({ body: variation.body, query: variation.query });
      if (!known) fail("a 5xx for a client's input");
      knownHits.set(known!.id, (knownHits.get(known!.id) ?? 0) + 1);
    }
    if (res.status >= 400) {
      const error = (res.json as { error?: { code?: unknown; message?: unknown; requestId?: unknown } } | null)?.error;
      if (typeof error?.code !== "string" || typeof error.message !== "string" || typeof error.requestId !== "string") {
        fail("an error without the envelope {error: {code, message, requestId}}");
      }
      if (error!.requestId !== res.headers.get("x-request-id")) fail("X-Request-Id differs from the envelope's requestId");
      const after = await databaseFingerprint(db.current.client);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) fail(`a rejected request changed ${changed.join(", ")}`);
    } else if (MUTATING.has(route.spec.method)) {
      await restoreOwnTenant();
    }
    // The platform's own routes may show any tenant; every other answer is the own tenant's business only.
    const leaked = route.spec.access === "platform" ? [] : world.other.tokens.filter((token) => res.text.includes(token));
    if (leaked.length > 0) fail(`the response shows the other tenant's ${leaked.join(", ")}`);
    // Whatever the input, the answer is one the route's OpenAPI operation documents.
    const contract = contractProblem(
      route.spec,
      { status: res.status, body: res.json, headers: res.headers },
      { rateLimited: !valid.headers.authorization?.includes("lvp_") },
    );
    if (contract) fail(contract);
    assertPrototypeClean();
  }

  return { probe, world: () => world };
}
