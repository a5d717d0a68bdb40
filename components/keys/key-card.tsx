import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { ExpiresIn } from "./expires-in";

/** What every key list shows, tenant keys (settings, dashboard) and platform keys alike. */
export type KeyCardData = {
  id: string;
  name: string;
  prefix: string;
  /** Empty for platform keys, which act on every tenant. */
  permissions: readonly string[];
  status: "active" | "rotating" | "expired" | "revoked";
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /**
   * Tenant keys: the secret a rotation replaced, while it still works. A key
   * and the keys it replaced are one key (a rotation chain), shown once.
   */
  previousSecret?: { prefix: string; expiresAt: string; lastUsedAt: string | null } | null;
};

const STATUS_TONE: Record<KeyCardData["status"], BadgeTone> = {
  active: "good",
  rotating: "warn",
  expired: "neutral",
  revoked: "bad",
};

/** Whether a key can still be revoked (or rotated). */
export const isLive = (key: Pick<KeyCardData, "status">) => key.status === "active" || key.status === "rotating";

/** One key: name, status and prefix, its dates, its permissions, and the actions the viewer may take. */
export function KeyCard({ data: k, actions, testId }: { data: KeyCardData; actions?: React.ReactNode; testId: string }) {
  return (
    <li data-testid={testId} className="flex flex-col gap-3 rounded-lg border border-line p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <span className="break-all">{k.name}</span>
            <Badge tone={STATUS_TONE[k.status]} data-testid="key-status">
              {k.status}
            </Badge>
          </p>
          <p className="font-mono text-sm text-fg-muted">{k.prefix}…</p>
        </div>
        {actions}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-fg-muted">Created</dt>
        <dd>
          <LocalTime iso={k.createdAt} />
        </dd>
        <dt className="text-fg-muted">Last used</dt>
        <dd>{k.lastUsedAt ? <LocalTime iso={k.lastUsedAt} /> : "Never"}</dd>
        <dt className="text-fg-muted">{k.status === "revoked" ? "Revoked" : "Expires"}</dt>
        <dd>
          {k.status === "revoked" && k.revokedAt ? (
            <LocalTime iso={k.revokedAt} />
          ) : k.expiresAt ? (
            <LocalTime iso={k.expiresAt} />
          ) : (
            "Never"
          )}
        </dd>
      </dl>
      {k.previousSecret && (
        <p className="text-sm text-fg-muted" data-testid="previous-secret">
          Previous secret <span className="font-mono">{k.previousSecret.prefix}…</span> expires{" "}
          <ExpiresIn iso={k.previousSecret.expiresAt} />
          {" · "}
          {k.previousSecret.lastUsedAt ? (
            <>
              last used <LocalTime iso={k.previousSecret.lastUsedAt} />
            </>
          ) : (
            "never used"
          )}
        </p>
      )}
      {k.permissions.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label={`Permissions of ${k.name}`}>
          {k.permissions.map((p) => (
            <li key={p} className="rounded bg-surface-muted px-2 py-0.5 font-mono text-xs">
              {p}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
