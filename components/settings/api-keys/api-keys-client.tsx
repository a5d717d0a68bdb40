"use client";

import { useState } from "react";
import { EmptyState, Section } from "@/components/ui/page";
import { isLive, KeyCard, type KeyCardData } from "@/components/keys/key-card";
import type { ApiKeyStatus } from "@/lib/api-keys/schemas";
import type { Permission } from "@/lib/auth/permissions";
import { CreateKeyForm } from "./create-key-form";
import { KeyActions } from "./key-actions";
import { type Revealed, SecretReveal } from "@/components/keys/secret-reveal";

export type KeyRow = KeyCardData & { status: ApiKeyStatus };

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
            <KeyCard
              key={k.id}
              data={k}
              testId={`key-${k.name}`}
              actions={canWrite && isLive(k) && <KeyActions row={k} onRotated={setRevealed} />}
            />
          ))}
        </ul>
      )}
      {truncated && <p className="text-sm text-fg-muted">Showing the newest 100 keys.</p>}
    </>
  );
}
