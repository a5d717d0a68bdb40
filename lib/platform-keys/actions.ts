"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { platformAction } from "@/lib/entry-points/action";
import { isUuid } from "@/lib/http/ids";
import { platformKeyCreateSchema } from "./schemas";
import { createPlatformKey, revokePlatformKey } from "./service";

export const createPlatformKeyAction = platformAction({ input: platformKeyCreateSchema }, async ({ ctx, input }) => {
  const key = await createPlatformKey(input, ctx.actor);
  revalidatePath("/admin/keys");
  return { message: `Platform key ${key.name} created.`, data: { name: key.name, secret: key.secret } };
});

export const revokePlatformKeyAction = platformAction(
  { input: z.object({ keyId: z.string().refine(isUuid, "is not a valid id") }) },
  async ({ ctx, input }) => {
    await revokePlatformKey(input.keyId, ctx.actor);
    revalidatePath("/admin/keys");
    return { message: "Platform key revoked." };
  },
);
