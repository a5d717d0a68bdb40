import "server-only";
import { getRedis, getRedisSubscriber } from "@/lib/redis/client";

/**
 * Per-instance caches (tenant snapshots, API keys) are cleared at once on the
 * instance that made a change, and, with REDIS_URL set, on every instance by
 * a message on one shared channel. Without Redis, other instances rely on the
 * cache's own TTL.
 */
export const INVALIDATION_CHANNEL = "livery:invalidate";

type Handler = (id: string) => void;
const slot = globalThis as typeof globalThis & {
  __liveryInvalidationHandlers?: Map<string, Set<Handler>>;
  __liveryInvalidationSubscribed?: boolean;
};
const handlers = (slot.__liveryInvalidationHandlers ??= new Map());

function dispatch(kind: string, id: string): void {
  for (const handler of handlers.get(kind) ?? []) handler(id);
}

function subscribeOnce(): void {
  if (slot.__liveryInvalidationSubscribed) return;
  slot.__liveryInvalidationSubscribed = true;
  const subscriber = getRedisSubscriber();
  if (!subscriber) return;
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== INVALIDATION_CHANNEL) return;
    const separator = message.indexOf(":");
    if (separator > 0) dispatch(message.slice(0, separator), message.slice(separator + 1));
  });
  subscriber.subscribe(INVALIDATION_CHANNEL).catch((error: Error) => {
    console.error(`[invalidation] cannot subscribe to ${INVALIDATION_CHANNEL}: ${error.message}`);
  });
}

/** Registers what to clear when `kind` changes for an id. Idempotent per handler. */
export function onInvalidate(kind: string, handler: Handler): void {
  subscribeOnce();
  let set = handlers.get(kind);
  if (!set) handlers.set(kind, (set = new Set()));
  set.add(handler);
}

/** Clears `kind:id` here at once, and on every other instance when Redis is configured. */
export async function invalidate(kind: string, id: string): Promise<void> {
  dispatch(kind, id);
  await getRedis()
    ?.publish(INVALIDATION_CHANNEL, `${kind}:${id}`)
    .catch((error: Error) => console.error(`[invalidation] publish failed: ${error.message}`));
}

/** For tests: subscribe again on next use (e.g. after REDIS_URL changed). */
export function resetInvalidationSubscription(): void {
  slot.__liveryInvalidationSubscribed = false;
}
