"use client";

import { useState } from "react";
import { EmptyState, Section } from "@/components/settings/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ApiKeyStatus } from "@/lib/api-keys/schemas";
import type { Permission } from "@/lib/auth/permissions";
import { CreateKeyForm } from "./create-key-form";
import { KeyActions } from "./key-actions";
import { type Revealed, SecretReveal } from "./secret-reveal";

export type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  status: ApiKeyStatus;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

const STATUS_TONE: Record<ApiKeyStatus, BadgeTone> = { active: "good", rotating: "warn", expired: "neutral", revoked: "bad" };

type Props = { keys: KeyRow[]; canWrite: boolean; grantable: Permission[]; truncated: boolean };

export function ApiKeysClient({ keys, canWrite, grantable, truncated }: Props) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  return (
    <>
      {revealed && <SecretReveal revealed={revealed} onDone={() => setRevealed(null)} />}
      {canWrite && (
        <Section title="Create a key" description="A key gets only permissions your own role has.">
          <CreateKeyForm grantable={grantable} onCreated={setRevealed} />
        </Section>
      )}
      {keys.length === 0 ? (
        <EmptyState>No API keys yet. {canWrite ? "Create one above to call the API." : ""}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="api-keys" aria-label="API keys">
          {keys.map((k) => (
            <li key={k.id} data-testid={`key-${k.name}`} className="flex flex-col gap-3 rounded-lg border border-line p-4">
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
                {canWrite && k.status !== "revoked" && k.status !== "expired" && <KeyActions row={k} onRotated={setRevealed} />}
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
              <ul className="flex flex-wrap gap-1" aria-label={`Permissions of ${k.name}`}>
                {k.permissions.map((p) => (
                  <li key={p} className="rounded bg-surface-muted px-2 py-0.5 font-mono text-xs">
                    {p}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {truncated && <p className="text-sm text-fg-muted">Showing the newest 100 keys.</p>}
    </>
  );
}
