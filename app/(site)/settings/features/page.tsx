import type { Metadata } from "next";
import { FeatureInfo } from "@/components/settings/features/feature-info";
import { FeatureSwitch } from "@/components/settings/features/feature-switch";
import { PageHeader } from "@/components/ui/page";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { getTenantConfig } from "@/lib/config/service";
import { requireTenantPage } from "@/lib/tenancy/page-access";
import { cheapestPlanWith, FEATURES, planIncludes } from "@/lib/tenants/plans";
import { getTenantSnapshot } from "@/lib/tenants/status";

export const metadata: Metadata = { title: "Features" };

const planName = (plan: string) => plan.charAt(0).toUpperCase() + plan.slice(1);

export default async function FeaturesPage() {
  const { brand, user } = await requireTenantPage("/settings/features", "read:config");
  const [config, tenant] = await Promise.all([getTenantConfig(brand.tenantId), getTenantSnapshot(brand.tenantId)]);
  const plan = tenant?.plan ?? "free";
  const canWrite = can(user.role, "write:config");
  return (
    <>
      <PageHeader title="Features">
        What your {planName(plan)} plan includes. Switch off what you do not use; features of other plans show which plan has
        them.
      </PageHeader>
      <ul className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="features">
        {FEATURES.map((feature) => {
          const included = planIncludes(plan, feature);
          const on = config.effective.features[feature];
          return (
            <li
              key={feature}
              data-testid={`feature-${feature}`}
              className="flex flex-wrap items-center justify-between gap-3 p-4"
            >
              <FeatureInfo feature={feature} />
              {!included ? (
                <Badge data-testid="feature-plan">Available on {planName(cheapestPlanWith(feature) ?? "enterprise")}</Badge>
              ) : canWrite ? (
                <FeatureSwitch feature={feature} on={on} />
              ) : (
                <Badge tone={on ? "good" : "neutral"} data-testid="feature-state">
                  {on ? "On" : "Off"}
                </Badge>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
