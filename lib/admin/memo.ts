import "server-only";

type Entry = { value: Promise<unknown>; until: number };
const slot = globalThis as typeof globalThis & { __liveryAdminMemo?: Map<string, Entry> };
const entries = (slot.__liveryAdminMemo ??= new Map());

/**
 * The dashboard's aggregates, computed at most once per `ttlMs` per instance:
 * a page view reads the last answer instead of counting the platform again.
 * A failure is not kept, so the next view tries afresh.
 */
export function memo<T>(key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = compute();
  entries.set(key, { value, until: now + ttlMs });
  value.catch(() => entries.delete(key));
  return value;
}

export function forgetMemo(): void {
  entries.clear();
}
