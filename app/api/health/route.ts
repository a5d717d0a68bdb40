// Liveness: the process is up and serving. Deliberately touches nothing else,
// so an orchestrator does not restart healthy instances during a database outage.
export const dynamic = "force-dynamic";

const startedAt = Date.now();

export function GET() {
  return Response.json(
    { status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
