import type { Metadata } from "next";
import { AddDomainForm } from "@/components/domains/add-domain-form";
import { DomainActions } from "@/components/domains/domain-actions";
import { can } from "@/lib/auth/permissions";
import { listCustomDomains } from "@/lib/domains/service";
import { requireTenantPage } from "@/lib/tenancy/page-access";

export const metadata: Metadata = { title: "Domains" };

const STATUS_STYLE = {
  verified: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  pending: "bg-surface-muted text-fg",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
} as const;

export default async function DomainsPage() {
  const { brand, user } = await requireTenantPage("/settings/domains", "read:config");
  const domains = await listCustomDomains(brand.tenantId);
  const canWrite = can(user.role, "write:config");
  const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold">Custom domains</h1>
        <p className="text-fg-muted">Serve this portal on your own domain. Only verified domains are routed here.</p>
      </div>
      {canWrite && <AddDomainForm />}
      {domains.length === 0 ? (
        <p className="rounded-md border border-dashed border-line p-6 text-center text-fg-muted">No custom domains yet.</p>
      ) : (
        <ul className="flex flex-col gap-4" data-testid="domains">
          {domains.map((d) => (
            <li key={d.id} className="flex flex-col gap-3 rounded-md border border-line p-4" data-testid={`domain-${d.hostname}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-medium">{d.hostname}</p>
                  <p className="text-sm text-fg-muted">
                    <span
                      className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[d.status]}`}
                      data-testid="domain-status"
                    >
                      {d.status}
                    </span>{" "}
                    {d.lastCheckedAt ? `last checked ${when.format(d.lastCheckedAt)}` : "not checked yet"}
                    {d.lastCheckError && ` · ${d.lastCheckError}`}
                  </p>
                </div>
                {canWrite && <DomainActions domainId={d.id} hostname={d.hostname} />}
              </div>
              {d.status !== "verified" && (
                <dl className="grid gap-1 rounded bg-surface-muted p-3 font-mono text-xs sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold">TXT {d.dns.txt.name}</dt>
                  <dd data-testid="txt-value" className="break-all">
                    {d.dns.txt.value}
                  </dd>
                  <dt className="font-semibold">CNAME {d.dns.cname.name}</dt>
                  <dd className="break-all">{d.dns.cname.value}</dd>
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
