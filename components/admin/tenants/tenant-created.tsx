import Link from "next/link";
import { CopyField } from "@/components/admin/copy-field";
import type { CreatedTenantResult } from "@/lib/tenants/actions";

/** After create: the owner's one-time link to hand over, and where to go next. */
export function TenantCreated({ created }: { created: CreatedTenantResult }) {
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-line p-4 sm:p-6" data-testid="tenant-created">
      <h2 className="text-lg font-semibold">{created.name} is ready</h2>
      {created.inviteUrl ? (
        <>
          <p className="text-sm text-fg-muted">
            Hand this one-time link to the first owner. It is shown only now; Livery keeps only its hash.
          </p>
          <CopyField value={created.inviteUrl} label="Invitation link" testId="invite-url" />
        </>
      ) : (
        <p className="text-sm text-fg-muted">No owner was invited; invite one from the tenant&apos;s members later.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Link
          href={`/admin/tenants/${created.id}`}
          className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-brand-foreground"
        >
          Open {created.name}
        </Link>
        <Link href="/admin/tenants" className="rounded-md border border-line px-4 py-2 text-sm font-medium">
          Back to tenants
        </Link>
      </div>
    </div>
  );
}
