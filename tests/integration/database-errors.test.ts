import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { withPlatform } from "@/lib/db/platform";
import { setupTestDatabase } from "../helpers/setup-test-database";

const db = setupTestDatabase();

// The API maps Prisma's error codes to HTTP statuses (P2002 → 409, …). Both
// databases must raise the same codes, which on PGlite needs the adapter fix in
// lib/db/adapters.ts.
describe(`database errors`, () => {
  it("a duplicate slug is P2002 naming the field", async () => {
    await withPlatform((tx) => tx.tenant.create({ data: { slug: "dupe", name: "One" } }));
    const error = await withPlatform((tx) => tx.tenant.create({ data: { slug: "dupe", name: "Two" } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(error).toMatchObject({ code: "P2002" });
    expect(JSON.stringify((error as Prisma.PrismaClientKnownRequestError).meta)).toContain("slug");
  });

  it("a row pointing at a missing tenant is P2003", async () => {
    const error = await withPlatform((tx) =>
      tx.content.create({ data: { tenantId: "00000000-0000-4000-8000-000000000000", title: "orphan" } }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "P2003" });
  });

  it("a failed transaction writes nothing", async () => {
    await expect(
      withPlatform(async (tx) => {
        await tx.tenant.create({ data: { slug: "half", name: "Half" } });
        await tx.tenant.create({ data: { slug: "half", name: "Again" } });
      }),
    ).rejects.toThrow();
    expect(await withPlatform((tx) => tx.tenant.count({ where: { slug: "half" } }))).toBe(0);
  });

  it("the check constraints the schema cannot express hold", async () => {
    await expect(withPlatform((tx) => tx.tenant.create({ data: { slug: "Bad_Slug", name: "x" } }))).rejects.toThrow(
      /Tenant_slug_format/,
    );
    await expect(withPlatform((tx) => tx.user.create({ data: { email: "x@y.test", name: "x", role: "OWNER" } }))).rejects.toThrow(
      /User_role_matches_tenant/,
    );
    expect(db.current.kind).toMatch(/pglite|postgres/);
  });
});
