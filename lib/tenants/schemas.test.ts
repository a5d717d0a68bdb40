import { describe, expect, it } from "vitest";
import {
  RESERVED_SLUGS,
  createTenantSchema,
  listTenantsQuerySchema,
  slugSchema,
  suspendTenantSchema,
  updateTenantSchema,
} from "./schemas";

describe("slugSchema", () => {
  it.each([
    ["acme", "acme"],
    ["  Globex  ", "globex"],
    ["a1-b2", "a1-b2"],
    ["x".repeat(63), "x".repeat(63)],
    ["123", "123"],
  ])("accepts %j as %j", (input, slug) => {
    expect(slugSchema.parse(input)).toBe(slug);
  });

  it.each([
    ["ab", "at least 3"],
    ["x".repeat(64), "at most 63"],
    ["-acme", "inner hyphens"],
    ["acme-", "inner hyphens"],
    ["ac_me", "inner hyphens"],
    ["acme.co", "inner hyphens"],
    ["ünï", "inner hyphens"],
    ["xn--80ak6aa92e", "punycode"],
    ["www", "reserved"],
    ["API", "reserved"],
    ["status", "reserved"],
  ])("rejects %j (%s)", (input, message) => {
    const result = slugSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });

  it("reserves the platform's own names", () => {
    for (const name of ["www", "admin", "api", "app", "static", "assets", "mail", "status"])
      expect(RESERVED_SLUGS.has(name)).toBe(true);
  });
});

const issuePaths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("createTenantSchema", () => {
  it("normalises the slug and the owner's email, and leaves the email optional", () => {
    expect(createTenantSchema.parse({ name: " Acme ", slug: " ACME ", plan: "pro", ownerEmail: " Ann@Acme.TEST " })).toEqual({
      name: "Acme",
      slug: "acme",
      plan: "pro",
      ownerEmail: "ann@acme.test",
    });
    expect(createTenantSchema.parse({ name: "Acme", slug: "acme", plan: "free" })).not.toHaveProperty("ownerEmail");
  });

  it("names every bad field", () => {
    const result = createTenantSchema.safeParse({ name: "", slug: "www", plan: "gold", ownerEmail: "nope" });
    expect(issuePaths(result)).toEqual(["name", "slug", "plan", "ownerEmail"]);
  });
});

describe("updateTenantSchema", () => {
  it("takes any subset; null removes a limit override", () => {
    expect(updateTenantSchema.parse({})).toEqual({});
    expect(updateTenantSchema.parse({ plan: "basic", limits: { users: 5, apiKeys: null } })).toEqual({
      plan: "basic",
      limits: { users: 5, apiKeys: null },
    });
  });

  it.each([
    [{ limits: { users: -1 } }, "limits.users"],
    [{ limits: { users: 2.5 } }, "limits.users"],
    [{ limits: { seats: 1 } }, "limits"],
    [{ slug: "renamed" }, ""],
    [{ status: "SUSPENDED" }, ""],
  ])("rejects %j at %j", (input, path) => {
    expect(issuePaths(updateTenantSchema.safeParse(input))).toEqual([path]);
  });
});

describe("listTenantsQuerySchema", () => {
  it("defaults to the newest 20 and treats empty parameters as absent", () => {
    expect(listTenantsQuerySchema.parse({ q: "  ", cursor: "" })).toEqual({ sort: "-createdAt", limit: 20 });
  });

  it("accepts enum filters in any case", () => {
    expect(listTenantsQuerySchema.parse({ plan: "PRO", status: "suspended", limit: "100" })).toMatchObject({
      plan: "pro",
      status: "SUSPENDED",
      limit: 100,
    });
  });

  it.each([
    [{ limit: "0" }, "limit"],
    [{ limit: "101" }, "limit"],
    [{ limit: "2.5" }, "limit"],
    [{ sort: "updatedAt" }, "sort"],
    [{ status: "deleted" }, "status"],
    [{ q: ["a", "b"] }, "q"],
  ])("rejects %j at %j", (input, path) => {
    expect(issuePaths(listTenantsQuerySchema.safeParse(input))).toEqual([path]);
  });
});

describe("suspendTenantSchema", () => {
  it("requires a trimmed reason of 1 to 500 characters", () => {
    expect(suspendTenantSchema.parse({ reason: "  Unpaid  " })).toEqual({ reason: "Unpaid" });
    for (const reason of [undefined, "   ", "x".repeat(501)])
      expect(issuePaths(suspendTenantSchema.safeParse({ reason }))).toEqual(["reason"]);
  });
});
