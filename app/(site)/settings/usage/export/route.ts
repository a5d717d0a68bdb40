import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getUsage } from "@/lib/usage/service";
import { USAGE_METRICS } from "@/lib/usage/schemas";
import { parseRange, rangeQuery } from "@/components/settings/usage/usage-range";

/**
 * The usage page's figures as CSV, for the signed-in user of this host with
 * read:usage. A portal download, not part of the REST API (which has the JSON).
 */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user?.tenantId) return new Response("Sign in first.\n", { status: 401, headers: { "Content-Type": "text/plain" } });
  if (!can(user.role, "read:usage"))
    return new Response("Not found.\n", { status: 404, headers: { "Content-Type": "text/plain" } });
  const range = parseRange(new URL(request.url).searchParams.get("range") ?? undefined);
  const report = await getUsage(user.tenantId, { ...rangeQuery(range), metrics: [...USAGE_METRICS] });
  const lines = [
    ["day", ...USAGE_METRICS].join(","),
    ...report.days.map((day) => [day.day, ...USAGE_METRICS.map((m) => String(day[m] ?? 0))].join(",")),
  ];
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="usage-${report.from}-to-${report.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
