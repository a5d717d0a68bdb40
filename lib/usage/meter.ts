import "server-only";
import { withTenant } from "@/lib/db/tenant";
import { carriedStorage } from "./storage";

/**
 * API calls and bandwidth are counted in memory and written in batches: one
 * upsert per tenant and day every FLUSH_INTERVAL_MS, not one write per
 * request. A graceful stop flushes what is pending (see lib/usage/shutdown.ts);
 * a crash loses at most one interval's counts (docs/usage.md).
 */
export const FLUSH_INTERVAL_MS = 5_000;

type Pending = { tenantId: string; day: string; apiCalls: number; bandwidthBytes: number };

const slot = globalThis as typeof globalThis & {
  __liveryUsagePending?: Map<string, Pending>;
  __liveryUsageTimer?: ReturnType<typeof setInterval>;
  __liveryUsageFlushing?: Promise<void>;
};
// Kept on globalThis: instrumentation.ts and the route handlers may load
// separate copies of this module, and both must see the same counts.
const pendingMap = (): Map<string, Pending> => (slot.__liveryUsagePending ??= new Map());

export function utcDay(at = new Date()): string {
  return at.toISOString().slice(0, 10);
}

function startTimer(): void {
  if (slot.__liveryUsageTimer) return;
  slot.__liveryUsageTimer = setInterval(() => void flushUsage(), FLUSH_INTERVAL_MS);
  slot.__liveryUsageTimer.unref?.();
}

/** Counts one API request for a tenant: no I/O, just memory. */
export function recordApiCall(tenantId: string, bandwidthBytes: number, at = new Date()): void {
  const day = utcDay(at);
  const key = `${tenantId}|${day}`;
  const pending = pendingMap();
  let entry = pending.get(key);
  if (!entry) pending.set(key, (entry = { tenantId, day, apiCalls: 0, bandwidthBytes: 0 }));
  entry.apiCalls += 1;
  entry.bandwidthBytes += Math.max(0, Math.round(bandwidthBytes));
  startTimer();
}

async function write(entry: Pending): Promise<void> {
  await withTenant(
    entry.tenantId,
    (tx) => tx.$executeRaw`
    INSERT INTO "TenantUsageMetric" ("id", "tenantId", "day", "apiCalls", "bandwidthBytes", "storageBytes", "updatedAt")
    VALUES (gen_random_uuid(), ${entry.tenantId}::uuid, ${entry.day}::date, ${entry.apiCalls}, ${entry.bandwidthBytes},
      ${carriedStorage(entry.tenantId, entry.day)}, now())
    ON CONFLICT ("tenantId", "day") DO UPDATE SET
      "apiCalls" = "TenantUsageMetric"."apiCalls" + EXCLUDED."apiCalls",
      "bandwidthBytes" = "TenantUsageMetric"."bandwidthBytes" + EXCLUDED."bandwidthBytes",
      "updatedAt" = now()`,
  );
}

/**
 * Writes every pending count. Counts that fail to write (database down) go
 * back into the pending map and are retried on the next flush; a tenant that
 * no longer exists has nothing to count toward and is dropped.
 */
export async function flushUsage(): Promise<void> {
  // One flush at a time: a second caller waits for the running one, then
  // flushes what arrived meanwhile.
  while (slot.__liveryUsageFlushing) await slot.__liveryUsageFlushing;
  const batch = pendingMap();
  if (batch.size === 0) return;
  slot.__liveryUsagePending = new Map();
  slot.__liveryUsageFlushing = (async () => {
    for (const entry of batch.values()) {
      try {
        await write(entry);
      } catch (error) {
        if ((error as { code?: string }).code === "P2003" || /foreign key/i.test((error as Error).message)) continue;
        console.error(`[usage] flush failed, will retry: ${(error as Error).message}`);
        const key = `${entry.tenantId}|${entry.day}`;
        const pending = pendingMap();
        const again = pending.get(key);
        if (again) {
          again.apiCalls += entry.apiCalls;
          again.bandwidthBytes += entry.bandwidthBytes;
        } else pending.set(key, entry);
      }
    }
    slot.__liveryUsageFlushing = undefined;
  })();
  await slot.__liveryUsageFlushing;
}

/** Counts not yet written, for tests and the shutdown log. */
export function pendingUsage(): { apiCalls: number; bandwidthBytes: number } {
  let apiCalls = 0;
  let bandwidthBytes = 0;
  for (const entry of pendingMap().values()) {
    apiCalls += entry.apiCalls;
    bandwidthBytes += entry.bandwidthBytes;
  }
  return { apiCalls, bandwidthBytes };
}
