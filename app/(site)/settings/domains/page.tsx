import type { Metadata } from "next";
import { AddDomainForm } from "@/components/domains/add-domain-form";
import { DomainActions } from "@/components/domains/domain-actions";
import { DomainStateBadge, domainStateHint } from "@/components/domains/domain-state";
import { DomainRecords, DomainStatuses } from "@/components/domains/domain-statuses";
import { can } from "@/lib/auth/permissions";
import { listCustomDomains } from "@/lib/domains/service";
import { requireTenantPage } from "@/lib/tenancy/page-access";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage() {
  const { brand, user } = await requireTenantPage("/settings/domains", "read:config");
  const domains = await listCustomDomains(brand.tenantId);
  const canWrite = can(user.role, "write:config");
  const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold">Custom domains</h1>
        <p className="text-fg-muted">
          Serve this portal on your own domain, over HTTPS with a certificate obtained on its first visit. Only verified domains
          are routed here; each is checked again every day, and one whose TXT record is gone keeps working for a week before it
          stops.
        </p>
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
                    <DomainStateBadge state={d.status} expiresAt={d.expiresAt} />{" "}
                    {d.lastCheckedAt ? `last checked ${when.format(d.lastCheckedAt)}` : "not checked yet"}
                    {d.lastCheckError && ` · ${d.lastCheckError}`}
                  </p>
                  {domainStateHint(d.status) && <p className="text-sm text-fg-muted">{domainStateHint(d.status)}</p>}
                </div>
                {canWrite && (
                  <DomainActions domainId={d.id} hostname={d.hostname} renew={d.status === "lapsed" || d.status === "expired"} />
                )}
              </div>
              <DomainStatuses domain={d} />
              <details open={d.status !== "verified"} className="flex flex-col gap-2">
                <summary className="cursor-pointer text-sm font-medium">Records to create at your DNS provider</summary>
                <DomainRecords domain={d} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
