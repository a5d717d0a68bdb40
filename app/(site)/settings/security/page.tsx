import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page";
import { SecurityForm } from "@/components/settings/security/security-form";
import { can } from "@/lib/auth/permissions";
import { securitySchema } from "@/lib/config/schemas";
import { getTenantConfig } from "@/lib/config/service";
import { requestIp } from "@/lib/entry-points/caller";
import { requireTenantPage } from "@/lib/tenancy/page-access";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const { brand, user } = await requireTenantPage("/settings/security", "read:config");
  const [config, ip] = await Promise.all([getTenantConfig(brand.tenantId), requestIp()]);
  const security = securitySchema.safeParse(config.security).data ?? {};
  return (
    <>
      <PageHeader title="Security">
        Where this tenant&apos;s API keys may be used from, and which sites may embed the portal.
      </PageHeader>
      <SecurityForm
        ipAllowlist={security.ipAllowlist ?? []}
        allowedDomains={security.allowedDomains ?? []}
        currentIp={ip}
        canWrite={can(user.role, "write:config")}
      />
    </>
  );
}
