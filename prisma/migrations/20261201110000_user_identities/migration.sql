-- Single sign-on identities linked to accounts (docs/decisions.md, "Single
-- sign-on signs in existing accounts only"). A row is written only after the
-- person proved the account (a password sign-in in the same flow); later
-- single sign-ons match by (issuer, subject) alone, never by email.

-- CreateTable
CREATE TABLE "UserIdentity" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "userId" UUID NOT NULL,
    "issuer" VARCHAR(255) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentity_tenantId_issuer_subject_key" ON "UserIdentity"("tenantId", "issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentity_userId_issuer_key" ON "UserIdentity"("userId", "issuer");

-- CreateIndex
CREATE INDEX "UserIdentity_tenantId_idx" ON "UserIdentity"("tenantId");

-- AddForeignKey
ALTER TABLE "UserIdentity" ADD CONSTRAINT "UserIdentity_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserIdentity" ADD CONSTRAINT "UserIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey: a tenant user's link carries that user's tenant (checked
-- whenever tenantId is set; super-admins' links have none, like their accounts).
ALTER TABLE "UserIdentity" ADD CONSTRAINT "UserIdentity_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- NULL tenantIds are distinct in the (tenantId, issuer, subject) key, so
-- super-admins' links need their own unique index (as "User_platform_email_key").
CREATE UNIQUE INDEX "UserIdentity_platform_issuer_subject_key" ON "UserIdentity" ("issuer", "subject") WHERE "tenantId" IS NULL;

-- Row-level security as for every tenant-owned table. Super-admins' links
-- (tenantId NULL) match no tenant and are reached through the platform role only.
SELECT livery_protect_tenant_table('UserIdentity');
