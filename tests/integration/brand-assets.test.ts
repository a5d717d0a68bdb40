import { beforeAll, describe, expect, it } from "vitest";
import { findBrandAsset, uploadBrandAsset } from "@/lib/branding/assets";
import { storageUsedBytes } from "@/lib/usage/storage";
import { loadTenantBrand } from "@/lib/branding/brand";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

const png = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let tenantId = "";
let other = "";

beforeAll(async () => {
  await withPlatform(async (tx) => {
    tenantId = (await tx.tenant.create({ data: { slug: "brandy", name: "Brandy", plan: "pro" } })).id;
    other = (await tx.tenant.create({ data: { slug: "other", name: "Other", plan: "pro" } })).id;
    // A tiny storage limit, partly used by content, to test the limit.
    await tx.tenantConfig.create({ data: { tenantId, limits: { storageBytes: 2_000 } } });
    await tx.content.create({ data: { tenantId, title: "x", body: "x".repeat(500), sizeBytes: 500 } });
  });
});

describe("brand assets", () => {
  it("stores a logo, points the branding at it and counts it toward storage", async () => {
    const asset = await uploadBrandAsset(tenantId, "LOGO", png(600), "image/png");
    expect(asset).toMatchObject({ contentType: "image/png", sizeBytes: 600, url: `/brand-assets/${asset.id}` });
    expect((await loadTenantBrand(tenantId))?.logoUrl).toBe(asset.url);
    expect(await withTenant(tenantId, (tx) => storageUsedBytes(tx, tenantId))).toBe(1_100);
    const stored = await findBrandAsset(tenantId, asset.id);
    expect(stored?.data).toEqual(png(600));
  });

  it("replaces the previous asset of the same kind, freeing its storage", async () => {
    const second = await uploadBrandAsset(tenantId, "LOGO", png(700));
    const assets = await withTenant(tenantId, (tx) => tx.tenantBrandAsset.findMany({ where: { kind: "LOGO" } }));
    expect(assets.map((a) => a.id)).toEqual([second.id]);
    expect(await withTenant(tenantId, (tx) => storageUsedBytes(tx, tenantId))).toBe(1_200);
  });

  it("accepts SVG, which the route serves inert", async () => {
    const favicon = await uploadBrandAsset(tenantId, "FAVICON", svg);
    expect(favicon.contentType).toBe("image/svg+xml");
    expect((await loadTenantBrand(tenantId))?.faviconUrl).toBe(favicon.url);
  });

  it.each([
    ["an empty file", new Uint8Array(0), undefined, 422, "validation_failed"],
    ["more than 512 KB", png(512 * 1024 + 1), undefined, 413, "payload_too_large"],
    ["HTML", new TextEncoder().encode("<html><script>alert(1)</script></html>"), undefined, 415, "unsupported_media_type"],
    ["a GIF", new TextEncoder().encode("GIF89a........"), "image/gif", 415, "unsupported_media_type"],
    ["a PNG sent as JPEG", png(100), "image/jpeg", 422, "validation_failed"],
  ])("refuses %s", async (_label, bytes, type, status, code) => {
    await expect(uploadBrandAsset(tenantId, "LOGO", bytes, type)).rejects.toMatchObject({ status, code });
  });

  it("refuses an upload past the storage limit, with the figures, changing nothing", async () => {
    const before = (await loadTenantBrand(tenantId))?.logoUrl;
    await expect(uploadBrandAsset(tenantId, "LOGO", png(1_800))).rejects.toMatchObject({
      code: "limit_exceeded",
      status: 403,
      message: expect.stringMatching(/Storage limit reached: .* of 2\.0 KB used, and this file needs 1\.8 KB/),
    });
    expect((await loadTenantBrand(tenantId))?.logoUrl).toBe(before);
  });

  it("lets only one of two concurrent uploads at the limit through", async () => {
    // Now: content 500 + logo 700 + favicon ~70 of 2,000. A 1,300 B logo
    // alone fits (500 + 1,300 + 70), a 600 B favicon alone fits (500 + 700 +
    // 600), both together (500 + 1,300 + 600) do not. Without the per-tenant
    // lock, two transactions could each see the old total and both pass (on
    // PostgreSQL; PGlite runs transactions one at a time anyway).
    const results = await Promise.allSettled([
      uploadBrandAsset(tenantId, "LOGO", png(1_300)),
      uploadBrandAsset(tenantId, "FAVICON", png(600)),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    expect(fulfilled).toHaveLength(1);
    expect(await withTenant(tenantId, (tx) => storageUsedBytes(tx, tenantId))).toBeLessThanOrEqual(2_000);
  });

  it("are invisible to other tenants", async () => {
    const [asset] = await withTenant(tenantId, (tx) => tx.tenantBrandAsset.findMany());
    expect(await findBrandAsset(other, asset!.id)).toBeNull();
  });
});
