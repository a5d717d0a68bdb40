import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./schema";

const secret = "s".repeat(40);

describe("parseEnv", () => {
  it("defaults to the embedded database on localhost", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", DATA_DIR: ".data", ROOT_DOMAIN: "localhost" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", REDIS_URL: "", PLATFORM_API_KEY: "" })).toMatchObject({
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      PLATFORM_API_KEY: undefined,
    });
  });

  it("normalises EDGE_HOSTNAME like ROOT_DOMAIN and accepts the edge's addresses", () => {
    expect(parseEnv({ EDGE_HOSTNAME: "Edge.Example.COM.", EDGE_IPV4: "203.0.113.10", EDGE_IPV6: "2001:db8::10" })).toMatchObject({
      EDGE_HOSTNAME: "edge.example.com",
      EDGE_IPV4: "203.0.113.10",
      EDGE_IPV6: "2001:db8::10",
    });
    expect(parseEnv({ EDGE_PROBE_ADDRESS: "[2001:db8::10]:8443" }).EDGE_PROBE_ADDRESS).toBe("[2001:db8::10]:8443");
  });

  it("normalises ROOT_DOMAIN", () => {
    expect(parseEnv({ ROOT_DOMAIN: " Livery.Example.COM. " }).ROOT_DOMAIN).toBe("livery.example.com");
  });

  it.each([
    [{ DATABASE_URL: "mysql://db/livery" }, "DATABASE_URL"],
    [{ REDIS_URL: "http://cache:6379" }, "REDIS_URL"],
    [{ ROOT_DOMAIN: "https://livery.example.com" }, "ROOT_DOMAIN"],
    [{ ROOT_DOMAIN: "livery.example.com:3000" }, "ROOT_DOMAIN"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ LIVERY_INTERNAL_ORIGIN: "http://127.0.0.1:3000/api" }, "LIVERY_INTERNAL_ORIGIN"],
    [{ PLATFORM_API_KEY: "not-a-key" }, "PLATFORM_API_KEY"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ TRUSTED_PROXY_HOPS: "two" }, "TRUSTED_PROXY_HOPS"],
    [{ EDGE_HOSTNAME: "https://edge.example.com" }, "EDGE_HOSTNAME"],
    [{ EDGE_IPV4: "203.0.113.300" }, "EDGE_IPV4"],
    [{ EDGE_IPV6: "203.0.113.10" }, "EDGE_IPV6"],
    [{ EDGE_PROBE_ADDRESS: "edge.example.com" }, "EDGE_PROBE_ADDRESS"],
    [{ NODE_ENV: "production" }, "NEXTAUTH_SECRET is required in production"],
  ])("rejects %j naming %s", (raw, name) => {
    expect(() => parseEnv(raw)).toThrow(EnvError);
    expect(() => parseEnv(raw)).toThrow(name);
  });

  it("never repeats a rejected value, which may be a secret", () => {
    const value = "postgres-but-not-really://user:hunter2@db";
    try {
      parseEnv({ DATABASE_URL: value, NEXTAUTH_SECRET: "hunter2" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("hunter2");
      expect((error as EnvError).problems).toHaveLength(2);
    }
  });

  it("accepts a complete production environment", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://app@db:5432/livery",
      REDIS_URL: "rediss://cache:6380",
      NEXTAUTH_SECRET: secret,
      PLATFORM_API_KEY: `lvp_${"A1".repeat(20)}`,
    });
    expect(env).toMatchObject({ NODE_ENV: "production", NEXTAUTH_SECRET: secret });
  });
});

describe("single sign-on settings", () => {
  it("are all or nothing", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://login.example.com" })).toThrow(/must be set together/);
    expect(parseEnv({}).OIDC_ISSUER).toBeUndefined();
    const full = parseEnv({ OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" });
    expect(full.OIDC_CLIENT_ID).toBe("id");
  });

  it("need an issuer URL", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "login.example.com", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" })).toThrow(
      /OIDC_ISSUER/,
    );
  });
});
