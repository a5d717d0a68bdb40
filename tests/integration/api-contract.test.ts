import type { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "@/lib/api/spec";
import { call } from "../helpers/api";

// The API test helper holds every answer to the route's contract (issue 14):
// these fake routes answer outside it, and the helper must refuse them, so a
// drifted route fails whichever integration test calls it.

const spec = defineRoute({
  method: "GET",
  path: "/things/{id}",
  summary: "A thing",
  tag: "Things",
  access: "platform",
  success: {
    status: 200,
    schema: z.object({ id: z.string(), owner: z.object({ name: z.string() }), tags: z.array(z.object({ k: z.string() })) }),
    description: "The thing",
  },
});

/** A route handler carrying `spec` (or `route`), as api() makes them, that answers `status` and `body`. */
function answering(status: number, body: unknown, options: { route?: RouteSpec; headers?: Record<string, string> } = {}) {
  const handler = async (request: NextRequest) =>
    Response.json(body, {
      status,
      headers: options.headers ?? { "x-request-id": request.headers.get("x-request-id") ?? "" },
    });
  return Object.assign(handler, { options: options.route ?? spec });
}

const good = { id: "1", owner: { name: "a" }, tags: [{ k: "x" }] };
const requestId = "r-1";

const tenantSpec = { ...spec, access: "tenant", tenantParam: "id", path: "/tenants/{id}/things" } as RouteSpec;

describe("the API test helper's contract check", () => {
  it("refuses an answer without a header the document declares", async () => {
    await expect(call(answering(200, good, { headers: {} }), "GET", "/things/1")).rejects.toThrow(
      /without the X-Request-Id header/,
    );
    const limited = { "x-request-id": "r", "ratelimit-limit": "60", "ratelimit-remaining": "59", "ratelimit-reset": "60" };
    const tenantKey = "lv_" + "a".repeat(40);
    // A tenant key is rate limited: its answers must carry RateLimit-*; a platform key's need not.
    expect(
      (await call(answering(200, good, { route: tenantSpec, headers: limited }), "GET", "/x", { key: tenantKey })).status,
    ).toBe(200);
    await expect(
      call(answering(200, good, { route: tenantSpec, headers: { "x-request-id": "r" } }), "GET", "/x", { key: tenantKey }),
    ).rejects.toThrow(/without the RateLimit-Limit header/);
    const platformKey = "lvp_" + "a".repeat(40);
    const unlimited = answering(200, good, { route: tenantSpec, headers: { "x-request-id": "r" } });
    expect((await call(unlimited, "GET", "/x", { key: platformKey })).status).toBe(200);
  });

  it("passes an answer that matches the success schema and a documented error", async () => {
    expect((await call(answering(200, good), "GET", "/things/1")).status).toBe(200);
    const missing = { error: { code: "not_found", message: "The thing was not found.", requestId } };
    expect((await call(answering(404, missing), "GET", "/things/1")).status).toBe(404);
  });

  it.each([
    ["a leaked field at the top", { ...good, secret: "s" }, /Unrecognized key: "secret"/],
    ["a leaked field deep inside", { ...good, owner: { name: "a", email: "e" } }, /Unrecognized key: "email"/],
    ["a leaked field in a list", { ...good, tags: [{ k: "x", hash: "h" }] }, /Unrecognized key: "hash"/],
    ["a missing field", { id: "1", tags: [] }, /owner/],
  ])("refuses %s", async (_, body, message) => {
    await expect(call(answering(200, body), "GET", "/things/1")).rejects.toThrow(message);
  });

  it.each([
    ["outside the envelope", 404, { message: "no" }, /outside the error envelope/],
    ["with a code not in the catalogue", 404, { error: { code: "gone_fishing", message: "x", requestId } }, /envelope/],
    [
      "with a status its code does not have",
      400,
      { error: { code: "not_found", message: "x", requestId } },
      /status in the catalogue is 404/,
    ],
    [
      "with a code its operation does not document",
      409,
      { error: { code: "conflict", message: "x", requestId } },
      /does not document/,
    ],
  ])("refuses an error %s", async (_, status, body, message) => {
    await expect(call(answering(status, body), "GET", "/things/1")).rejects.toThrow(message);
  });
});
