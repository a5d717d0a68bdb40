import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { type Brand, getTenantBrand } from "@/lib/branding/brand";
import { TENANT_ID_HEADER } from "./headers";

/**
 * The tenant the middleware resolved for this request, or null on the
 * platform host. Trustworthy because the middleware strips any client-sent
 * x-tenant-* header before setting its own.
 */
export const getRequestTenantId = cache(async (): Promise<string | null> => (await headers()).get(TENANT_ID_HEADER));

export const getRequestBrand = cache(async (): Promise<Brand | null> => {
  const tenantId = await getRequestTenantId();
  return tenantId ? getTenantBrand(tenantId) : null;
});
