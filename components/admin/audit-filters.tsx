"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

type Props = { scope: string; action?: string; actorType?: string };
const CONTROL = "rounded-md border border-line bg-surface px-3 py-2 text-sm text-fg";

/** The platform log's filters in the URL; a change navigates client-side, back to the newest entries. */
export function AuditFilters({ scope, action = "", actorType = "" }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) params.set(name, String(value));
    startTransition(() => router.push(`/admin/audit?${params}`, { scroll: false }));
  };
  return (
    <form
      role="search"
      action="/admin/audit"
      onSubmit={(event) => {
        event.preventDefault();
        go(event.currentTarget);
      }}
      onChange={(event) => {
        if ((event.target as HTMLElement).tagName === "SELECT") go(event.currentTarget);
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-scope" className="text-sm font-medium">
          Entries
        </label>
        <select id="audit-scope" name="scope" defaultValue={scope} className={CONTROL}>
          <option value="all">Platform and all tenants</option>
          <option value="platform">Platform only</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-actor" className="text-sm font-medium">
          Actor
        </label>
        <select id="audit-actor" name="actorType" defaultValue={actorType} className={CONTROL}>
          <option value="">Anyone</option>
          <option value="USER">People</option>
          <option value="TENANT_API_KEY">Tenant keys</option>
          <option value="PLATFORM_API_KEY">Platform keys</option>
          <option value="SYSTEM">System</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className="text-sm font-medium">
          Action (exact, or a prefix ending in “.”)
        </label>
        <input id="audit-action" name="action" defaultValue={action} placeholder="tenant." className={CONTROL} />
      </div>
      <button type="submit" className="rounded-md border border-line px-4 py-2 text-sm font-medium hover:bg-surface-muted">
        Filter
      </button>
      <span role="status" className="text-sm text-fg-muted">
        {pending ? "Loading…" : ""}
      </span>
    </form>
  );
}
