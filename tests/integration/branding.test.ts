import { describe, expect, it } from "vitest";
import { brandCssVariables, loadTenantBrand, PLATFORM_COLORS } from "@/lib/branding/brand";
import { withPlatform } from "@/lib/db/platform";
import { HOSTILE_CSS, HOSTILE_NAME, STYLE_BREAKOUT_CSS } from "../fixtures/hostile";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

async function tenantWith(slug: string, plan: "free" | "pro", branding: Record<string, unknown>, name = `Tenant ${slug}`) {
  return withPlatform(async (tx) => {
    const tenant = await tx.tenant.create({ data: { slug, name, plan } });
    await tx.tenantConfig.create({ data: { tenantId: tenant.id, branding: branding as object } });
    return tenant.id;
  });
}

describe("tenant brand", () => {
  it("derives an accessible palette from the stored colours", async () => {
    const id = await tenantWith("amber", "pro", { primaryColor: "#FBBF24", accentColor: "#6d28d9" });
    const brand = await loadTenantBrand(id);
    expect(brand?.palette).toEqual({
      primary: "#fbbf24",
      primaryForeground: "#030509",
      accent: "#6d28d9",
      accentForeground: "#ffffff",
    });
    expect(brandCssVariables(brand!.palette)).toBe(
      ":root{--brand-primary:#fbbf24;--brand-primary-foreground:#030509;--brand-accent:#6d28d9;--brand-accent-foreground:#ffffff}",
    );
  });

  it("falls back to the platform's colours when the stored palette fails AA or is malformed", async () => {
    const unreadable = await loadTenantBrand(
      await tenantWith("pale", "pro", { primaryColor: "#0f766e", accentColor: "#f5c518" }),
    );
    expect(unreadable?.palette.primary).toBe(PLATFORM_COLORS.primaryColor);
    const malformed = await loadTenantBrand(await tenantWith("broken", "pro", { primaryColor: "red;}</style>" }));
    expect(malformed?.palette.primary).toBe(PLATFORM_COLORS.primaryColor);
  });

  it("sanitises and scopes custom CSS on plans that include it", async () => {
    const brand = await loadTenantBrand(await tenantWith("mallory", "pro", { customCss: HOSTILE_CSS }, HOSTILE_NAME));
    expect(brand?.customCss).toContain("[data-tenant-portal] .tenant-hero");
    for (const needle of ["<", "javascript", "expression(", "behavior", "binding", "@import", "svg+xml", "http:"]) {
      expect(brand?.customCss.toLowerCase(), needle).not.toContain(needle);
    }
    // The name is data, rendered by React as text; it is stored and returned as given.
    expect(brand?.name).toBe(HOSTILE_NAME);
  });

  it("drops a stylesheet that tries to close the style element", async () => {
    const brand = await loadTenantBrand(await tenantWith("breakout", "pro", { customCss: STYLE_BREAKOUT_CSS }));
    expect(brand?.customCss).toBe("");
  });

  it("ignores custom CSS on plans without it", async () => {
    const brand = await loadTenantBrand(await tenantWith("frugal", "free", { customCss: ".x { color: red }" }));
    expect(brand?.customCss).toBe("");
  });

  it("is null for an unknown tenant", async () => {
    expect(await loadTenantBrand("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
