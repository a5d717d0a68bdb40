import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as info } from "@/app/api/v1/tenants/current/info/route";
import { toErrorResponse } from "@/lib/api/error-response";
import { createPostgresAdapter } from "@/lib/db/adapters";
import { setDbClient } from "@/lib/db/client";
import { Prisma, PrismaClient } from "@/lib/db/generated/prisma/client";
import { ApiError } from "@/lib/http/errors";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call } from "../helpers/api";

describe("the error mapper", () => {
  const known = (code: string, meta?: Record<string, unknown>) =>
    new Prisma.PrismaClientKnownRequestError("x", { code, clientVersion: "6.19.3", meta });

  it.each([
    [new ApiError("plan_required", 403, "Upgrade."), 403, "plan_required"],
    [z.object({ a: z.string() }).safeParse({ a: 1 }).error, 422, "validation_failed"],
    [known("P2025"), 404, "not_found"],
    [known("P2002", { target: ["slug"] }), 409, "conflict"],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }), 503, "service_unavailable"],
    [Object.assign(new Error("the database system is shutting down"), { code: "57P03" }), 503, "service_unavailable"],
  ])("%s → %i %s", (error, status, code) => {
    const mapped = toErrorResponse(error, "req-1");
    expect(mapped.status).toBe(status);
    expect(mapped.body.error).toMatchObject({ code, requestId: "req-1" });
    if (status === 503) expect(mapped.headers["Retry-After"]).toBe("5");
  });

  it("answers anything else with a 500 that names the request and reveals nothing", () => {
    const mapped = toErrorResponse(new Error("secret connection string postgres://user:pw@db"), "req-2");
    expect(mapped.status).toBe(500);
    expect(mapped.body.error.code).toBe("internal_error");
    expect(JSON.stringify(mapped.body)).not.toContain("postgres://");
    expect(mapped.body.error.message).toContain("req-2");
  });
});

// A database that does not answer: the API says so with a 503 and Retry-After,
// never a 500, and never hangs.
describe("with the database unreachable", () => {
  let client: PrismaClient;

  beforeAll(() => {
    client = new PrismaClient({ adapter: createPostgresAdapter("postgres://postgres@127.0.0.1:1/none", { max: 1 }) });
    setDbClient(client);
    resetTenantStatus();
  });

  afterAll(async () => {
    setDbClient(undefined);
    await client.$disconnect().catch(() => undefined);
  });

  it("a request that needs it gets 503 service_unavailable with Retry-After", async () => {
    const res = await call(info, "GET", "/tenants/current/info", {
      host: { id: "00000000-0000-4000-8000-000000000001", slug: "acme" },
      key: `lvp_${"a".repeat(40)}`,
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("service_unavailable");
    expect(res.headers.get("retry-after")).toBe("5");
  });
});
