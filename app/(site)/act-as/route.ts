import { encode } from "next-auth/jwt";
import { ACTING_SESSION_MS, redeemActingTicket } from "@/lib/admin/acting";
import { authOptions } from "@/lib/auth/options";
import { publicRoute } from "@/lib/entry-points/route";

/**
 * The tenant host's end of "Open as admin": exchanges the one-time ticket the
 * dashboard issued for an acting session on this host (lib/admin/acting.ts),
 * then opens the settings. A ticket that is unknown, used, expired, for
 * another tenant, or whose super-admin is gone leads to the sign-in page
 * with a message and sets nothing.
 */
export const GET = publicRoute({}, async ({ ctx: { tenantId }, request }) => {
  const user = await redeemActingTicket(request.nextUrl.searchParams.get("ticket") ?? "", tenantId);
  if (!user) return seeOther("/sign-in?error=ActingLink");

  const options = authOptions();
  const actingUntil = Date.now() + ACTING_SESSION_MS;
  const maxAge = ACTING_SESSION_MS / 1000;
  const token = await encode({
    secret: options.secret!,
    maxAge,
    token: {
      sub: user.id,
      email: user.email,
      name: user.name,
      role: "SUPER_ADMIN",
      tenantId,
      sv: user.sessionVersion,
      actingUntil,
    },
  });
  const secure = options.useSecureCookies ?? false;
  const cookie = [
    `${secure ? "__Secure-" : ""}next-auth.session-token=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
  return seeOther("/settings", cookie);
});

function seeOther(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
  if (cookie) headers.set("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}
