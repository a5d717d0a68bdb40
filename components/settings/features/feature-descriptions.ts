import type { Feature } from "@/lib/tenants/plans";

/** One line per feature flag, for the features page. */
export const FEATURE_INFO: Record<Feature, { label: string; description: string }> = {
  nft: { label: "NFTs", description: "Mint and manage NFTs for your content." },
  bonds: { label: "Bonds", description: "Issue bonds and track their holders." },
  fractionalization: { label: "Fractional ownership", description: "Split an asset into shares that can be held separately." },
  customCss: { label: "Custom CSS", description: "Style the portal with your own stylesheet (Branding)." },
};
