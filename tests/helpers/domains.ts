import { expect } from "vitest";
import { addCustomDomain, type CustomDomainView, verifyCustomDomain } from "@/lib/domains/service";

/** Claims and verifies a hostname for a tenant, publishing its TXT record in the test DNS server's `records`, left in place. */
export async function claimVerified(
  records: Map<string, string[]>,
  tenantId: string,
  hostname: string,
): Promise<CustomDomainView> {
  const claim = await addCustomDomain(tenantId, hostname);
  records.set(`_livery.${hostname}`, [claim.dns.txt.value]);
  const done = await verifyCustomDomain(tenantId, claim.id);
  expect(done.status).toBe("verified");
  return done;
}
