import "server-only";
import { revalidateTag } from "next/cache";
import { tenantConfigTag } from "@/lib/branding/brand";

// What next/cache throws when there is no request or action around the call
// (next 16.4, server/web/spec-extension/revalidate.js).
const NO_WORK_STORE = "Invariant: static generation store missing in revalidateTag(";

/**
 * Expires everything cached from a tenant's config (its brand) at once. Outside
 * a Next request (scripts, tests) there is no Next cache holding it, so there
 * is nothing to expire and that one error is ignored; any other is thrown.
 */
export function invalidateTenantConfig(tenantId: string): void {
  try {
    revalidateTag(tenantConfigTag(tenantId), { expire: 0 });
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith(NO_WORK_STORE))) throw error;
  }
}
