import type { Feature } from "@/lib/tenants/plans";
import { FEATURE_INFO } from "./feature-descriptions";

export function FeatureInfo({ feature }: { feature: Feature }) {
  const info = FEATURE_INFO[feature];
  return (
    <div className="flex min-w-0 flex-1 flex-col">
      <span id={`feature-${feature}-label`} className="font-medium">
        {info.label}
      </span>
      <span id={`feature-${feature}-description`} className="text-sm text-fg-muted">
        {info.description}
      </span>
    </div>
  );
}
