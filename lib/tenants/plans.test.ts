import { describe, expect, it } from "vitest";
import {
  FEATURES,
  LIMITS,
  PLAN_DEFAULTS,
  PLANS,
  cheapestPlanAllowing,
  cheapestPlanWith,
  effectiveFeatures,
  effectiveLimits,
} from "./plans";

describe("plans", () => {
  it("grow monotonically: a higher plan never has a lower limit or fewer features", () => {
    for (let i = 1; i < PLANS.length; i++) {
      const lower = PLAN_DEFAULTS[PLANS[i - 1]!];
      const higher = PLAN_DEFAULTS[PLANS[i]!];
      for (const limit of LIMITS)
        expect(higher.limits[limit], `${PLANS[i]} ${limit}`).toBeGreaterThanOrEqual(lower.limits[limit]);
      for (const feature of lower.features) expect(higher.features, `${PLANS[i]} ${feature}`).toContain(feature);
    }
  });

  it("every feature is in some plan", () => {
    for (const feature of FEATURES) expect(cheapestPlanWith(feature), feature).toBeDefined();
    expect(cheapestPlanWith("fractionalization")).toBe("enterprise");
  });

  it("H6: custom domains are a numeric limit, none on the free plan", () => {
    expect(FEATURES).not.toContain("customDomains");
    expect(PLANS.map((plan) => PLAN_DEFAULTS[plan].limits.customDomains)).toEqual([0, 2, 5, 25]);
    expect(cheapestPlanAllowing("customDomains")).toBe("basic");
    expect(effectiveLimits("pro", { customDomains: 0 }).customDomains).toBe(0);
  });

  it("applies limit overrides over the plan's defaults", () => {
    expect(effectiveLimits("free", { users: 7 })).toEqual({ ...PLAN_DEFAULTS.free.limits, users: 7 });
  });

  it("turns a feature on only when the plan includes it and the tenant has not turned it off", () => {
    expect(effectiveFeatures("free", { nft: true }).nft).toBe(false);
    expect(effectiveFeatures("pro").nft).toBe(true);
    expect(effectiveFeatures("pro", { nft: false }).nft).toBe(false);
  });
});
