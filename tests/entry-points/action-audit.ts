import type { PrismaClient } from "@/lib/db/generated/prisma/client";
import type { AuditWindow } from "./action-runner";
import type { ActionWorld } from "./action-world";

// "Nothing changed on refusal", cheaply and for every case: every change in
// this app writes an audit entry in the same transaction, so an entry written
// while a refused call was in flight is a change it made. Calls never overlap
// and each is tagged with its time window (and user agent), so every entry of
// the run belongs to exactly one call, or to none, which is a failure too.

type Entry = { tenantId: string | null; action: string; createdAt: Date; userAgent: string | null };

export type AuditReport = { entries: number; problems: string[]; successesWithoutEntry: string[] };

export async function auditReport(
  client: PrismaClient,
  since: number,
  windows: AuditWindow[],
  world: ActionWorld,
): Promise<AuditReport> {
  const entries = await client.$queryRawUnsafe<Entry[]>(
    `SELECT "tenantId", action, "createdAt", "userAgent" FROM "AuditLog" WHERE "createdAt" >= $1 ORDER BY "createdAt"`,
    new Date(since),
  );
  const names = new Map<string | null, string>([
    [null, "the platform"],
    [world.own.id, "the own tenant"],
    [world.other.id, "the other tenant"],
    [world.peer.id, "the peer tenant"],
    [world.suspended.id, "the suspended tenant"],
  ]);
  const nameOf = (id: string | null) => names.get(id) ?? `tenant ${id}`;
  const problems: string[] = [];
  const written = new Set<AuditWindow>();
  for (const entry of entries) {
    const at = entry.createdAt.getTime();
    const window = windows.find((w) => at >= w.from && at <= w.to);
    const what = `${entry.action} in ${nameOf(entry.tenantId)} at ${entry.createdAt.toISOString()} (agent ${entry.userAgent ?? "none"})`;
    if (!window) problems.push(`an audit entry no call accounts for: ${what}`);
    else if (!window.allowed) problems.push(`a refused call changed something: ${window.label} wrote ${what}`);
    else if (!window.allowed(entry.tenantId)) problems.push(`${window.label} wrote outside the tenant it acts on: ${what}`);
    if (window) written.add(window);
  }
  const successesWithoutEntry = windows.filter((w) => w.succeeded && !written.has(w)).map((w) => w.label);
  return { entries: entries.length, problems, successesWithoutEntry };
}
