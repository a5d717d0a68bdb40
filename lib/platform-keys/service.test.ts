import { beforeEach, describe, expect, it } from "vitest";
import { lookUpApiKey, resetApiKeyCache } from "@/lib/api-keys/lookup";
import type { Actor } from "@/lib/audit/record";
import { withPlatform } from "@/lib/db/platform";
import { setupTestDatabase } from "@/tests/helpers/setup-test-database";
import { platformKeyCreateSchema } from "./schemas";
import { createPlatformKey, listPlatformKeys, revokePlatformKey } from "./service";

setupTestDatabase();

const actor: Actor = { type: "USER", id: "00000000-0000-4000-8000-000000000001", label: "admin@livery.test", ip: "198.18.0.1" };
const platformAudit = () =>
  withPlatform((tx) => tx.auditLog.findMany({ where: { tenantId: null }, orderBy: { createdAt: "asc" } }));

beforeEach(() => resetApiKeyCache());

describe("platform keys", () => {
  it("creates a key whose secret works once shown, stores only its hash, and audits it as the actor", async () => {
    const key = await createPlatformKey(platformKeyCreateSchema.parse({ name: "ops" }), actor);
    expect(key.secret).toMatch(/^lvp_/);
    expect(key).toMatchObject({ name: "ops", status: "active", revokedAt: null });
    expect(await lookUpApiKey(key.secret)).toMatchObject({ kind: "platform", id: key.id });
    const row = await withPlatform((tx) => tx.platformApiKey.findUniqueOrThrow({ where: { id: key.id } }));
    expect(row.hash).not.toContain(key.secret);
    expect(JSON.stringify(await listPlatformKeys())).not.toContain(row.hash);
    const [entry] = (await platformAudit()).filter((e) => e.targetId === key.id);
    expect(entry).toMatchObject({
      action: "platform_key.created",
      actorType: "USER",
      actorLabel: "admin@livery.test",
      ip: "198.18.0.1",
    });
  });

  it("revokes at once (the cache forgets it), audits once, and a second revoke changes nothing", async () => {
    const key = await createPlatformKey({ name: "short-lived" }, actor);
    expect(await lookUpApiKey(key.secret)).not.toBeNull();
    await revokePlatformKey(key.id, actor);
    expect((await lookUpApiKey(key.secret))?.revokedAt).toBeInstanceOf(Date);
    await revokePlatformKey(key.id, actor);
    const revocations = (await platformAudit()).filter((e) => e.targetId === key.id && e.action === "platform_key.revoked");
    expect(revocations).toHaveLength(1);
    expect((await listPlatformKeys()).find((k) => k.id === key.id)?.status).toBe("revoked");
  });

  it("answers 404 for an unknown or malformed id and writes nothing", async () => {
    const before = (await platformAudit()).length;
    for (const id of ["00000000-0000-4000-8000-00000000ffff", "nope"]) {
      await expect(revokePlatformKey(id, actor)).rejects.toMatchObject({ status: 404 });
    }
    expect((await platformAudit()).length).toBe(before);
  });

  it("refuses a blank name or a past expiry with field paths", () => {
    const blank = platformKeyCreateSchema.safeParse({ name: " " });
    expect(blank.error?.issues[0]?.path).toEqual(["name"]);
    const past = platformKeyCreateSchema.safeParse({ name: "x", expiresAt: "2000-01-01" });
    expect(past.error?.issues[0]).toMatchObject({ path: ["expiresAt"], message: "must be in the future" });
  });
});
