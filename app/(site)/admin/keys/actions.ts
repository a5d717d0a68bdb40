"use server";

import { revalidatePath } from "next/cache";
import { asSuperAdmin } from "@/lib/admin/action";
import type { ActionResult } from "@/lib/http/action-result";
import { parseInput } from "@/lib/http/session-action";
import { platformKeyCreateSchema } from "@/lib/platform-keys/schemas";
import { createPlatformKey, revokePlatformKey } from "@/lib/platform-keys/service";

export async function createPlatformKeyAction(input: unknown): Promise<ActionResult<{ name: string; secret: string }>> {
  return asSuperAdmin(async ({ actor }) => {
    const key = await createPlatformKey(parseInput(platformKeyCreateSchema, input), actor);
    revalidatePath("/admin/keys");
    return { message: `Platform key ${key.name} created.`, data: { name: key.name, secret: key.secret } };
  });
}

export async function revokePlatformKeyAction(keyId: string): Promise<ActionResult> {
  return asSuperAdmin(async ({ actor }) => {
    await revokePlatformKey(keyId, actor);
    revalidatePath("/admin/keys");
    return { message: "Platform key revoked." };
  });
}
