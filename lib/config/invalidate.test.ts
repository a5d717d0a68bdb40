import { beforeEach, describe, expect, it, vi } from "vitest";

const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidateTag, unstable_cache: vi.fn() }));

const { invalidateTenantConfig } = await import("./invalidate");
const TENANT = "4f0c2a4e-1f1e-4c4e-9a55-0a6f3f1f2b3c";

describe("invalidateTenantConfig", () => {
  beforeEach(() => {
    revalidateTag.mockReset();
  });

  it("expires the tenant's config tag at once", () => {
    invalidateTenantConfig(TENANT);
    expect(revalidateTag).toHaveBeenCalledWith(`tenant:${TENANT}:config`, { expire: 0 });
  });

  it("ignores only the error next/cache throws outside a request", () => {
    revalidateTag.mockImplementation((tag: string) => {
      throw new Error(`Invariant: static generation store missing in revalidateTag(${JSON.stringify(tag)})`);
    });
    expect(() => invalidateTenantConfig(TENANT)).not.toThrow();
    revalidateTag.mockImplementation(() => {
      throw new Error("Route /x used revalidateTag during render");
    });
    expect(() => invalidateTenantConfig(TENANT)).toThrow("during render");
  });
});
