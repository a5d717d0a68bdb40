-- The custom-domain state machine (lib/domains/states.ts) and claims that
-- cannot squat a hostname (issue 12, H6).

CREATE TYPE "DomainState" AS ENUM ('pending', 'verified', 'lapsing', 'lapsed', 'expired');

ALTER TABLE "TenantDomain"
  ADD COLUMN "state" "DomainState" NOT NULL DEFAULT 'pending',
  ADD COLUMN "expiresAt" TIMESTAMPTZ(3),
  ADD COLUMN "nextCheckAt" TIMESTAMPTZ(3);

-- Verified domains are re-checked by the first sweep; unverified claims get a
-- full claim window from now rather than expiring on upgrade.
UPDATE "TenantDomain" SET "state" = 'verified', "nextCheckAt" = now() WHERE "verifiedAt" IS NOT NULL;
UPDATE "TenantDomain" SET "expiresAt" = now() + interval '7 days' WHERE "verifiedAt" IS NULL;

-- Any number of tenants may claim a hostname; each tenant once.
DROP INDEX "TenantDomain_hostname_key";
CREATE UNIQUE INDEX "TenantDomain_tenantId_hostname_key" ON "TenantDomain"("tenantId", "hostname");

-- Only one claim of a hostname routes it: the first to verify wins, and the
-- next can verify only once that one has lapsed. Prisma cannot express a
-- partial index (decision 6); the constraint is checked across tenants
-- whatever row-level security hides.
CREATE UNIQUE INDEX "TenantDomain_routing_hostname_key" ON "TenantDomain"("hostname")
  WHERE "state" IN ('verified', 'lapsing');

-- The sweep's two questions: which routing domains are due a re-check, and
-- which claims or grace periods have run out.
CREATE INDEX "TenantDomain_state_nextCheckAt_idx" ON "TenantDomain"("state", "nextCheckAt");
CREATE INDEX "TenantDomain_state_expiresAt_idx" ON "TenantDomain"("state", "expiresAt");

-- A routing domain always knows when it was verified (host resolution ranks by it).
ALTER TABLE "TenantDomain" ADD CONSTRAINT "TenantDomain_routing_verified"
  CHECK ("state" NOT IN ('verified', 'lapsing') OR "verifiedAt" IS NOT NULL);

-- customDomains is a plan limit now, no longer a feature a tenant switches.
UPDATE "TenantConfig" SET "features" = "features" - 'customDomains' WHERE "features" ? 'customDomains';
