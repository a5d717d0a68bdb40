"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { PLANS } from "@/lib/tenants/plans";
import type { TenantSort } from "@/lib/tenants/schemas";
import { tenantsHref } from "./list-url";

type Props = { q?: string; plan?: string; status?: string; sort: TenantSort };

const SELECT = "rounded-md border border-line bg-surface px-3 py-2 text-sm text-fg";

/**
 * Search and filters. The URL holds them (shareable, back button works) and a
 * change navigates client-side (router.push), back to the first page. Without
 * JavaScript the same form submits as a GET.
 */
export function TenantFilters({ q = "", plan = "", status = "", sort }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(q);
  const [seen, setSeen] = useState({ q, sent: q });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The URL changed (back button, a link): show its search, unless it is the one just typed here.
  if (q !== seen.q) {
    setSeen({ q, sent: seen.sent });
    if (q !== seen.sent) setText(q);
  }

  const go = (next: { q?: string; plan?: string; status?: string }) => {
    const state = { q, plan, status, ...next };
    setSeen((s) => ({ ...s, sent: state.q }));
    const href = tenantsHref({ q: state.q, plan: state.plan, status: state.status, sort });
    startTransition(() => router.push(href, { scroll: false }));
  };
  const search = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => go({ q: value.trim() }), 300);
  };

  return (
    <form
      role="search"
      action="/admin/tenants"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        go({ q: text.trim() });
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <div className="flex min-w-0 flex-1 basis-56 flex-col gap-1">
        <label htmlFor="tenant-search" className="text-sm font-medium">
          Search
        </label>
        <input
          id="tenant-search"
          name="q"
          type="search"
          value={text}
          onChange={(event) => search(event.target.value)}
          placeholder="Slug, name or custom domain"
          className={`${SELECT} w-full`}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="tenant-plan" className="text-sm font-medium">
          Plan
        </label>
        <select id="tenant-plan" name="plan" value={plan} onChange={(e) => go({ plan: e.target.value })} className={SELECT}>
          <option value="">All plans</option>
          {PLANS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="tenant-status" className="text-sm font-medium">
          Status
        </label>
        <select
          id="tenant-status"
          name="status"
          value={status}
          onChange={(e) => go({ status: e.target.value })}
          className={SELECT}
        >
          <option value="">All statuses</option>
          <option value="ACTIVE">Active</option>
          <option value="SUSPENDED">Suspended</option>
        </select>
      </div>
      <input type="hidden" name="sort" value={sort} />
      <button type="submit" className="rounded-md border border-line px-4 py-2 text-sm font-medium hover:bg-surface-muted">
        Search
      </button>
      <span role="status" className="text-sm text-fg-muted" data-testid="list-pending">
        {pending ? "Loading…" : ""}
      </span>
    </form>
  );
}
