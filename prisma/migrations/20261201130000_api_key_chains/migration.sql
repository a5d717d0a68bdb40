-- API key rotation chains (issue #12, H7). A key and every key it replaced or
-- that replaced it share one chainId: the chain counts once toward the plan's
-- key limit, revoking any of its keys revokes all of them, and lists show it
-- as one key. A new key starts its own chain (the column default); rotation
-- copies the old key's chainId onto the new key.

-- AlterTable: the volatile default gives every existing row its own chain
-- (a table rewrite, not an UPDATE, so row-level security does not hide rows).
ALTER TABLE "TenantApiKey" ADD COLUMN "chainId" UUID NOT NULL DEFAULT gen_random_uuid();

-- Existing rotations: each key joins the chain of the first key of its
-- history, found by walking replacedById forward from the keys nothing
-- replaced. The table is FORCEd under row-level security, so the owner sees
-- no rows unless it acts as the platform role (the migrator is a member of
-- it; a superuser may switch to any role).
SET ROLE livery_platform;
WITH RECURSIVE walk ("id", "chainId") AS (
  SELECT k."id", k."chainId"
  FROM "TenantApiKey" k
  WHERE NOT EXISTS (SELECT 1 FROM "TenantApiKey" p WHERE p."replacedById" = k."id")
  UNION ALL
  SELECT next."id", walk."chainId"
  FROM walk
  JOIN "TenantApiKey" cur ON cur."id" = walk."id"
  JOIN "TenantApiKey" next ON next."id" = cur."replacedById" AND next."tenantId" = cur."tenantId"
)
UPDATE "TenantApiKey" k SET "chainId" = walk."chainId" FROM walk WHERE walk."id" = k."id" AND k."chainId" <> walk."chainId";

-- The hole itself: where a chain's current key was revoked while an older
-- secret of it still works (its grace period), that secret stops now too.
UPDATE "TenantApiKey" k SET "revokedAt" = now()
FROM "TenantApiKey" cur
WHERE cur."tenantId" = k."tenantId" AND cur."chainId" = k."chainId" AND cur."replacedById" IS NULL
  AND cur."revokedAt" IS NOT NULL AND cur."revokedAt" <= now()
  AND k."id" <> cur."id"
  AND (k."revokedAt" IS NULL OR k."revokedAt" > now())
  AND (k."expiresAt" IS NULL OR k."expiresAt" > now());
RESET ROLE;

-- CreateIndex
CREATE INDEX "TenantApiKey_tenantId_chainId_idx" ON "TenantApiKey"("tenantId", "chainId");
