import type { Metadata } from "next";
import Link from "next/link";
import { TenantFilters } from "@/components/admin/tenants/tenant-filters";
import { tenantsHref } from "@/components/admin/tenants/list-url";
import { TenantTable } from "@/components/admin/tenants/tenant-table";
import { LinkButton } from "@/components/admin/ui";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { loadTenantPage, type SearchParams, TRAIL_MAX } from "@/lib/admin/tenant-list";

export const metadata: Metadata = { title: "Tenants" };

const PAGER = "rounded-md border border-line px-4 py-2 text-sm font-medium hover:bg-surface-muted";

export default async function TenantsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSuperAdminPage("/admin/tenants");
  const page = await loadTenantPage(await searchParams);
  const { query, trail } = page.state;
  const filters = { q: query.q, plan: query.plan, status: query.status, sort: query.sort };
  const filtered = !!(query.q || query.plan || query.status);
  // "Previous" pops the last cursor off the trail; the first page has none.
  const previous = query.cursor ? tenantsHref({ ...filters, cursor: trail.at(-1), trail: trail.slice(0, -1) }) : null;
  const next =
    page.ok && page.nextCursor
      ? tenantsHref({
          ...filters,
          cursor: page.nextCursor,
          trail: query.cursor ? [...trail, query.cursor].slice(-TRAIL_MAX) : [],
        })
      : null;

  return (
    <>
      <PageHeader title="Tenants" actions={<LinkButton href="/admin/tenants/new">Create tenant</LinkButton>}>
        Every organisation on the platform. Search matches a slug, name or custom domain.
      </PageHeader>
      <TenantFilters {...filters} />
      {!page.ok ? (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-red-700 p-4 text-sm">
          {page.message}
          <Link href="/admin/tenants" className="font-medium underline underline-offset-4">
            Show the first page
          </Link>
        </div>
      ) : page.data.length === 0 ? (
        <EmptyState data-testid="tenants-empty">
          {filtered ? (
            <>
              No tenant matches these filters.{" "}
              <Link href="/admin/tenants" className="font-medium underline underline-offset-4">
                Clear the filters
              </Link>
            </>
          ) : (
            <>
              No tenants yet.{" "}
              <Link href="/admin/tenants/new" className="font-medium underline underline-offset-4">
                Create the first one
              </Link>
            </>
          )}
        </EmptyState>
      ) : (
        <TenantTable tenants={page.data} state={filters} />
      )}
      <nav aria-label="Pages" className="flex flex-wrap gap-2">
        {query.cursor && (
          <Link href={tenantsHref(filters)} className={PAGER} scroll={false}>
            First page
          </Link>
        )}
        {previous && (
          <Link href={previous} className={PAGER} scroll={false} rel="prev">
            Previous page
          </Link>
        )}
        {next && (
          <Link href={next} className={PAGER} scroll={false} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </>
  );
}
