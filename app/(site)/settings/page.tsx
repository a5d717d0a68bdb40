import { notFound, redirect } from "next/navigation";
import { SETTINGS_SECTIONS } from "@/components/tenant/settings-sections";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

/** /settings opens the first section the user's role may see. */
export default async function SettingsIndex() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings");
  const first = SETTINGS_SECTIONS.find((s) => can(user.role, s.permission));
  if (!first) notFound();
  redirect(first.href);
}
