export type ListUrlState = { q?: string; plan?: string; status?: string; sort?: string; cursor?: string; trail?: string[] };

/** The tenants table's URL for a state; the defaults are left out so links stay short and shareable. */
export function tenantsHref(state: ListUrlState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.plan) params.set("plan", state.plan);
  if (state.status) params.set("status", state.status);
  if (state.sort && state.sort !== "-createdAt") params.set("sort", state.sort);
  if (state.cursor) params.set("cursor", state.cursor);
  if (state.trail?.length) params.set("trail", state.trail.join("."));
  const query = params.toString();
  return query ? `/admin/tenants?${query}` : "/admin/tenants";
}
