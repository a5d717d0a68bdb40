import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/http/errors";
import { getTenant } from "@/lib/tenants/queries";
import type { TenantView } from "@/lib/tenants/schemas";

/** The tenant a detail page is about; a missing or malformed id is a 404 page. */
export const loadTenantOr404 = cache(async (tenantId: string): Promise<TenantView> => {
  try {
    return await getTenant(tenantId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
});
