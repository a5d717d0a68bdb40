import type { Plan } from "@/lib/db/generated/prisma/enums";

export const PLANS = ["free", "basic", "pro", "enterprise"] as const satisfies readonly Plan[];

/** Feature flags a tenant can switch on, if its plan includes them. */
export const FEATURES = ["nft", "bonds", "fractionalization", "customCss"] as const;
export type Feature = (typeof FEATURES)[number];

/**
 * `customDomains` counts claims that are pending, verified or lapsing; a
 * limit rather than a feature so that a claim cannot be repeated without
 * bound (issue 12, H6). 0 means the plan has no custom domains at all.
 */
export const LIMITS = ["users", "storageBytes", "apiRatePerMinute", "apiKeys", "contentItems", "customDomains"] as const;
export type Limit = (typeof LIMITS)[number];
export type Limits = Record<Limit, number>;

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** What each plan includes. Limit overrides in a tenant's config win over these. */
export const PLAN_DEFAULTS = {
  free: {
    limits: { users: 3, storageBytes: 100 * MiB, apiRatePerMinute: 60, apiKeys: 2, contentItems: 100, customDomains: 0 },
    features: [],
  },
  basic: {
    limits: { users: 10, storageBytes: 1 * GiB, apiRatePerMinute: 300, apiKeys: 5, contentItems: 1_000, customDomains: 2 },
    features: ["bonds"],
  },
  pro: {
    limits: { users: 50, storageBytes: 10 * GiB, apiRatePerMinute: 1_200, apiKeys: 20, contentItems: 10_000, customDomains: 5 },
    features: ["nft", "bonds", "customCss"],
  },
  enterprise: {
    limits: {
      users: 1_000,
      storageBytes: 100 * GiB,
      apiRatePerMinute: 6_000,
      apiKeys: 100,
      contentItems: 100_000,
      customDomains: 25,
    },
    features: ["nft", "bonds", "fractionalization", "customCss"],
  },
} as const satisfies Record<Plan, { limits: Limits; features: readonly Feature[] }>;

export function planIncludes(plan: Plan, feature: Feature): boolean {
  return (PLAN_DEFAULTS[plan].features as readonly Feature[]).includes(feature);
}

/** The cheapest plan that includes a feature, for "available on …" hints. */
export function cheapestPlanWith(feature: Feature): Plan | undefined {
  return PLANS.find((plan) => planIncludes(plan, feature));
}

/** The cheapest plan whose limit is above zero, for "available on …" hints. */
export function cheapestPlanAllowing(limit: Limit): Plan | undefined {
  return PLANS.find((plan) => PLAN_DEFAULTS[plan].limits[limit] > 0);
}

export function effectiveLimits(plan: Plan, overrides: Partial<Limits> = {}): Limits {
  return { ...PLAN_DEFAULTS[plan].limits, ...overrides };
}

/** A feature is on when the plan includes it and the tenant has not switched it off. */
export function effectiveFeatures(plan: Plan, flags: Partial<Record<Feature, boolean>> = {}): Record<Feature, boolean> {
  return Object.fromEntries(FEATURES.map((f) => [f, planIncludes(plan, f) && flags[f] !== false])) as Record<Feature, boolean>;
}
