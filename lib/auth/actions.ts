"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { accountAction } from "@/lib/entry-points/action";
import { ApiError } from "@/lib/http/errors";
import { changePassword, signOutEverywhere } from "./account";

// The account page's actions: about the signed-in user's own account, on the
// host they signed in to. An acting super-admin is refused (their account
// lives on the platform host).

export const changePasswordAction = accountAction(
  {
    input: z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }),
    form: true,
  },
  async ({ ctx, input }) => {
    const result = await changePassword(ctx.user, input.currentPassword, input.newPassword);
    if (!result.ok) {
      const details = Object.entries(result.fieldErrors ?? {}).map(([field, message]) => ({ path: [field], message }));
      // A refusal for now only: backing off after wrong current passwords (H11), or the hashing queue is full.
      if (result.retryAfterSeconds !== undefined) {
        if (details.length === 0) throw new ApiError("service_busy", 503, result.message);
        throw new ApiError("rate_limited", 429, result.message, details);
      }
      throw new ApiError("password_not_changed", 422, result.message, details);
    }
    return { message: result.message };
  },
);

export const signOutEverywhereAction = accountAction({ input: z.object({}) }, async ({ ctx }) => {
  await signOutEverywhere(ctx.user);
  redirect("/sign-in");
});
