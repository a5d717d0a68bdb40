"use server";

import { redirect } from "next/navigation";
import { type ActionResult, changePassword, signOutEverywhere } from "@/lib/auth/account";
import { getSessionUser } from "@/lib/auth/session";

// Server Actions are public endpoints: each checks the session against this
// host itself, whatever page rendered the form.

const ACTING = { ok: false, message: "You are acting as a super-admin here: change your password on the platform host." };

export async function changePasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  if (user.actingUntil !== undefined) return ACTING;
  return changePassword(user, String(form.get("currentPassword") ?? ""), String(form.get("newPassword") ?? ""));
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await getSessionUser();
  if (user && user.actingUntil === undefined) await signOutEverywhere(user);
  redirect("/sign-in");
}
