import type { ApiKeyView } from "@/lib/api-keys/status";
import type { KeyCardData } from "./key-card";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A tenant key (one rotation chain) as the key lists show it: the settings page and the dashboard's tenant keys tab. */
export function keyCardDataOf(view: ApiKeyView): KeyCardData {
  const previous = view.previousSecret;
  return {
    id: view.id,
    name: view.name,
    prefix: view.prefix,
    permissions: view.permissions,
    status: view.status,
    createdAt: view.createdAt.toISOString(),
    lastUsedAt: iso(view.lastUsedAt),
    expiresAt: iso(view.expiresAt),
    revokedAt: iso(view.revokedAt),
    previousSecret: previous && {
      prefix: previous.prefix,
      expiresAt: previous.expiresAt.toISOString(),
      lastUsedAt: iso(previous.lastUsedAt),
    },
  };
}
