-- What the domains screen says about the TLS edge and the routing record
-- (issue 16): when the edge last asked for a certificate (written behind,
-- in batches, by lib/tls/asked.ts), what the re-check job's TLS probe saw,
-- and where the domain's own DNS points.

ALTER TABLE "TenantDomain"
  ADD COLUMN "edgeAskedAt" TIMESTAMPTZ(3),
  ADD COLUMN "certificateExpiresAt" TIMESTAMPTZ(3),
  ADD COLUMN "certificateCheckedAt" TIMESTAMPTZ(3),
  ADD COLUMN "certificateProblem" VARCHAR(300),
  ADD COLUMN "routingRecords" VARCHAR(500),
  ADD COLUMN "routingToEdge" BOOLEAN;
