import path from "node:path";
import { describe, expect, it } from "vitest";
import { entryInfoOf } from "@/lib/entry-points/registry";
import { builtActions } from "./manifest";
import { EXEMPT_ROUTES, ROOT, scanRouteHandlers, scanServerActions, type ScannedExport } from "./scan";

// Every browser entry point is built with an entry-point client
// (lib/entry-points) and says what it needs: a Server Action or route handler
// made any other way fails here, naming its file. See docs/reliability.md.

const ACTION_BUILDERS = new Set(["tenantAction", "platformAction", "accountAction", "publicAction"]);
const ROUTE_BUILDERS = new Set(["tenantRoute", "publicRoute", "internalRoute"]);
/** Routes that may skip rate limiting: immutable public bytes only (lib/entry-points/limits.ts). */
const UNMETERED = new Set(["app/brand-assets/[id]/route.ts GET"]);

const actions = scanServerActions();
const routes = scanRouteHandlers();
const name = (e: ScannedExport) => `${e.file} ${e.name}`;

async function loaded(e: ScannedExport): Promise<unknown> {
  const exported = (await import(path.join(ROOT, e.file))) as Record<string, unknown>;
  return exported[e.name];
}

describe("the entry-point registry", () => {
  it("finds the Server Actions and route handlers it checks", () => {
    expect(actions.length).toBeGreaterThanOrEqual(25);
    expect(routes.length).toBeGreaterThanOrEqual(5);
    console.log(`entry points: ${actions.length} Server Actions, ${routes.length} route handlers outside /api/v1`);
  });

  it.each(actions.map((e) => [name(e), e] as const))("Server Action %s is built with the client", async (_, e) => {
    expect(ACTION_BUILDERS.has(e.builder ?? ""), `${name(e)} must be made with ${[...ACTION_BUILDERS].join(", ")}`).toBe(true);
    const info = entryInfoOf(await loaded(e));
    expect(info?.kind).toBe("action");
    if (e.builder === "tenantAction") {
      expect(e.permission, `${name(e)} declares no permission`).toBeTruthy();
      expect(info).toMatchObject({ access: "tenant", permission: e.permission });
    }
  });

  it.each(routes.map((e) => [name(e), e] as const))("route handler %s is built with the client", async (_, e) => {
    if (EXEMPT_ROUTES[e.file]) return;
    expect(ROUTE_BUILDERS.has(e.builder ?? ""), `${name(e)} must be made with ${[...ROUTE_BUILDERS].join(", ")}`).toBe(true);
    const info = entryInfoOf(await loaded(e));
    expect(info?.kind).toBe("route");
    if (e.builder === "tenantRoute") expect(e.permission, `${name(e)} declares no permission`).toBeTruthy();
    if (info && "limit" in info && info.limit === "unmetered") expect(UNMETERED.has(name(e)), name(e)).toBe(true);
  });

  it("keeps the exemption list short, and every exempt route exists", () => {
    expect(Object.keys(EXEMPT_ROUTES).length).toBeLessThanOrEqual(3);
    for (const file of Object.keys(EXEMPT_ROUTES))
      expect(
        routes.some((r) => r.file === file),
        file,
      ).toBe(true);
  });

  // The build's manifest is checked again, always, by the HTTP action suite (tests/entry-points/actions.test.ts).
  it.skipIf(builtActions() === null)("agrees with the build's server-reference-manifest.json", () => {
    const built = builtActions()!
      .map((a) => `${a.file} ${a.name}`)
      .sort();
    expect(built).toEqual(actions.map(name).sort());
  });
});
