import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env/schema";
import { databaseUrlFor } from "./client";

const owner = "postgres://livery_migrator@db/livery";
const tenant = "postgres://livery_app_tenant@db/livery";
const platform = "postgres://livery_app_platform@db/livery";

describe("the database URLs of the three logins", () => {
  it("use the two app logins when both are set", () => {
    const env = parseEnv({ DATABASE_URL: owner, DATABASE_TENANT_URL: tenant, DATABASE_PLATFORM_URL: platform });
    expect([databaseUrlFor("tenant", env), databaseUrlFor("platform", env), databaseUrlFor("owner", env)]).toEqual([
      tenant,
      platform,
      owner,
    ]);
  });

  it("fall back to DATABASE_URL for both app logins, and to the embedded database without it", () => {
    const single = parseEnv({ DATABASE_URL: owner });
    expect([databaseUrlFor("tenant", single), databaseUrlFor("platform", single)]).toEqual([owner, owner]);
    const embedded = parseEnv({});
    expect([databaseUrlFor("tenant", embedded), databaseUrlFor("platform", embedded)]).toEqual([undefined, undefined]);
  });

  it("let the running app go without the migrator's URL", () => {
    const env = parseEnv({ DATABASE_TENANT_URL: tenant, DATABASE_PLATFORM_URL: platform });
    expect(databaseUrlFor("owner", env)).toBeUndefined();
  });

  it.each([
    [{ DATABASE_TENANT_URL: tenant }, "DATABASE_TENANT_URL and DATABASE_PLATFORM_URL must be set together"],
    [{ DATABASE_PLATFORM_URL: platform }, "DATABASE_TENANT_URL and DATABASE_PLATFORM_URL must be set together"],
    [{ DATABASE_TENANT_URL: "mysql://db/livery", DATABASE_PLATFORM_URL: platform }, "DATABASE_TENANT_URL"],
    [{ DATABASE_TENANT_URL: tenant, DATABASE_PLATFORM_URL: "db/livery" }, "DATABASE_PLATFORM_URL"],
  ])("reject %j naming %s", (raw, message) => {
    expect(() => parseEnv(raw)).toThrow(EnvError);
    expect(() => parseEnv(raw)).toThrow(message);
  });
});
