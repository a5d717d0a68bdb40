import { describe, expect, it, vi } from "vitest";
import { type DirectoryTenant, TenantDirectory } from "./directory";

const acme: DirectoryTenant = {
  id: "7a1c0f6e-0000-4000-8000-000000000001",
  slug: "acme",
  name: "Acme",
  status: "ACTIVE",
  allowedDomains: [],
};

function setup(answers: Record<string, DirectoryTenant | null>) {
  let time = 1_000;
  const lookup = vi.fn(async (host: string) => answers[host] ?? null);
  const directory = new TenantDirectory({ lookup, ttlMs: 5_000, negativeTtlMs: 2_000, maxEntries: 3, now: () => time });
  return { directory, lookup, advance: (ms: number) => (time += ms) };
}

describe("TenantDirectory", () => {
  it("looks a host up once, then answers from memory until the TTL passes", async () => {
    const { directory, lookup, advance } = setup({ "acme.localhost": acme });
    expect(await directory.resolve("acme.localhost")).toEqual(acme);
    advance(4_999);
    expect(await directory.resolve("acme.localhost")).toEqual(acme);
    expect(lookup).toHaveBeenCalledTimes(1);
    advance(1);
    await directory.resolve("acme.localhost");
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("remembers unknown hosts for the shorter negative TTL", async () => {
    const { directory, lookup, advance } = setup({});
    expect(await directory.resolve("nobody.localhost")).toBeNull();
    advance(1_999);
    expect(await directory.resolve("nobody.localhost")).toBeNull();
    expect(lookup).toHaveBeenCalledTimes(1);
    advance(1);
    await directory.resolve("nobody.localhost");
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("shares one lookup between concurrent misses", async () => {
    const { directory, lookup } = setup({ "acme.localhost": acme });
    const results = await Promise.all(Array.from({ length: 50 }, () => directory.resolve("acme.localhost")));
    expect(results.every((r) => r === acme)).toBe(true);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it("does not cache a failed lookup", async () => {
    const lookup = vi.fn().mockRejectedValueOnce(new Error("resolver down")).mockResolvedValueOnce(acme);
    const directory = new TenantDirectory({ lookup });
    await expect(directory.resolve("acme.localhost")).rejects.toThrow("resolver down");
    expect(await directory.resolve("acme.localhost")).toEqual(acme);
  });

  it("keeps at most maxEntries, dropping the oldest", async () => {
    const { directory, lookup } = setup({});
    for (const host of ["a.test", "b.test", "c.test", "d.test"]) await directory.resolve(host);
    expect(directory.size).toBe(3);
    await directory.resolve("a.test");
    expect(lookup).toHaveBeenCalledTimes(5);
  });

  it("forgets a host on request", async () => {
    const { directory, lookup } = setup({ "acme.localhost": acme });
    await directory.resolve("acme.localhost");
    directory.forget("acme.localhost");
    await directory.resolve("acme.localhost");
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});
