import "server-only";
import { ApiError } from "@/lib/http/errors";
import { listTenantsQuerySchema, type ListTenantsQuery, type TenantView } from "@/lib/tenants/schemas";
import { listTenants } from "@/lib/tenants/queries";

export type SearchParams = Record<string, string | string[] | undefined>;
export type TenantListState = { query: ListTenantsQuery; trail: string[] };
export type TenantListPage =
  | { ok: true; state: TenantListState; data: TenantView[]; nextCursor: string | null }
  | { ok: false; state: TenantListState; message: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The cursors of the pages before this one, so "Previous" works from a shared URL too; kept short. */
export const TRAIL_MAX = 20;

/**
 * The tenants table's state lives in the URL (q, plan, status, sort, cursor,
 * and `trail`, the previous pages' cursors). It is read with the REST API's
 * own query schema and served by the same list service: keyset pages, no count.
 */
export async function loadTenantPage(params: SearchParams): Promise<TenantListPage> {
  const raw = Object.fromEntries(
    ["q", "plan", "status", "sort", "cursor"].map((name) => [name, first(params[name]) || undefined]),
  );
  const parsed = listTenantsQuerySchema.safeParse({ ...raw, limit: 25 });
  const trail = (first(params.trail) ?? "").split(".").filter(Boolean).slice(-TRAIL_MAX);
  if (!parsed.success) {
    const fallback = listTenantsQuerySchema.parse({ limit: 25 });
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      state: { query: fallback, trail: [] },
      message: `The filter ${issue?.path.join(".")} ${issue?.message}.`,
    };
  }
  const state = { query: parsed.data, trail };
  try {
    const page = await listTenants(parsed.data);
    return { ok: true, state, ...page };
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      return { ok: false, state, message: "This page link has expired or belongs to another sort order." };
    }
    throw error;
  }
}
