import "server-only";
import { withTenant } from "@/lib/db/tenant";
import { ROUTING_STATES } from "@/lib/domains/states";

/**
 * "Allowed, last asked <time>" on the domains screen: when the TLS edge last
 * asked for a certificate for a domain. The ask endpoint answers from memory
 * (0 database queries per answer), so the time is noted here and written
 * behind, like usage metering: one update per domain asked about per
 * interval, in the domain's own tenant transaction. A crash loses at most one
 * interval's times, which only makes the screen say an older time.
 */
export const ASKED_FLUSH_INTERVAL_MS = 10_000;

type Asked = { tenantId: string; host: string; at: Date; tries: number };

/** A time that cannot be written this often (its tenant deleted, say) is dropped: it is only a label. */
const MAX_TRIES = 3;

const slot = globalThis as typeof globalThis & {
  __liveryTlsAsked?: Map<string, Asked>;
  __liveryTlsAskedTimer?: ReturnType<typeof setInterval>;
  __liveryTlsAskedFlushing?: Promise<void>;
};
const pending = (): Map<string, Asked> => (slot.__liveryTlsAsked ??= new Map());

/** Notes an allowed ask: memory only. */
export function noteAsked(tenantId: string, host: string, at = new Date()): void {
  pending().set(`${tenantId}|${host}`, { tenantId, host, at, tries: 0 });
  if (slot.__liveryTlsAskedTimer) return;
  slot.__liveryTlsAskedTimer = setInterval(() => void flushAsked(), ASKED_FLUSH_INTERVAL_MS);
  slot.__liveryTlsAskedTimer.unref?.();
}

/** Writes every pending time; one that fails is retried at the next flush (unless a newer time arrived). */
export async function flushAsked(): Promise<void> {
  while (slot.__liveryTlsAskedFlushing) await slot.__liveryTlsAskedFlushing;
  const batch = pending();
  if (batch.size === 0) return;
  slot.__liveryTlsAsked = new Map();
  slot.__liveryTlsAskedFlushing = (async () => {
    for (const [key, asked] of batch) {
      try {
        await withTenant(asked.tenantId, (tx) =>
          tx.tenantDomain.updateMany({
            where: {
              tenantId: asked.tenantId,
              hostname: asked.host,
              state: { in: [...ROUTING_STATES] },
              OR: [{ edgeAskedAt: null }, { edgeAskedAt: { lt: asked.at } }],
            },
            data: { edgeAskedAt: asked.at },
          }),
        );
      } catch (error) {
        console.error(`[tls] noting the edge's ask for ${asked.host} failed: ${(error as Error).message}`);
        if (!pending().has(key) && asked.tries + 1 < MAX_TRIES) pending().set(key, { ...asked, tries: asked.tries + 1 });
      }
    }
    slot.__liveryTlsAskedFlushing = undefined;
  })();
  await slot.__liveryTlsAskedFlushing;
}
