import { parseRange, rangeQuery } from "@/lib/usage/range";
import { tenantRoute } from "@/lib/entry-points/route";
import { getUsage } from "@/lib/usage/service";
import { USAGE_METRICS } from "@/lib/usage/schemas";

/**
 * The usage page's figures as CSV, for the signed-in user of this host with
 * read:usage. A portal download, not part of the REST API (which has the JSON).
 */
export const GET = tenantRoute({ permission: "read:usage" }, async ({ ctx, request }) => {
  const range = parseRange(request.nextUrl.searchParams.get("range") ?? undefined);
  const report = await getUsage(ctx.tenantId, { ...rangeQuery(range), metrics: [...USAGE_METRICS] });
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
});
