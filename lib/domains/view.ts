import "server-only";
import type { TenantDomain } from "@/lib/db/generated/prisma/client";
import { getEnv } from "@/lib/env";
import type { DomainState } from "./states";

export const VERIFICATION_PREFIX = "_livery";

export type CustomDomainView = {
  id: string;
  hostname: string;
  status: DomainState;
  verifiedAt: Date | null;
  /** pending: the claim expires then; lapsing: the domain stops routing then; otherwise null. */
  expiresAt: Date | null;
  lastCheckedAt: Date | null;
  lastCheckError: string | null;
  /** The records the tenant must create at its DNS provider. */
  dns: { txt: { name: string; value: string }; cname: { name: string; value: string } };
};

export function verificationName(hostname: string): string {
  return `${VERIFICATION_PREFIX}.${hostname}`;
}

export function toView(domain: TenantDomain): CustomDomainView {
  return {
    id: domain.id,
    hostname: domain.hostname,
    status: domain.state,
    verifiedAt: domain.verifiedAt,
    expiresAt: domain.expiresAt,
    lastCheckedAt: domain.lastCheckedAt,
    lastCheckError: domain.lastCheckError,
    dns: {
      txt: { name: verificationName(domain.hostname), value: domain.verificationToken },
      cname: { name: domain.hostname, value: getEnv().ROOT_DOMAIN },
    },
  };
}
