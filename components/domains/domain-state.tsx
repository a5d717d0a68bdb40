import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { DomainState } from "@/lib/domains/states";

// Each state in words, with the date that matters for it (lib/domains/states.ts).
const STATES: Record<DomainState, { tone: BadgeTone; label: string; deadline?: string; hint?: string }> = {
  pending: { tone: "neutral", label: "Pending", deadline: "verify by" },
  verified: { tone: "good", label: "Verified" },
  lapsing: { tone: "warn", label: "Lapsing", deadline: "fix DNS by" },
  lapsed: { tone: "bad", label: "Lapsed", hint: "No longer served: its TXT record stayed missing. Renew it to claim it again." },
  expired: { tone: "bad", label: "Expired", hint: "Not verified in time. Renew it to claim it again." },
};

export function DomainStateBadge({ state, expiresAt }: { state: DomainState; expiresAt: Date | null }) {
  const { tone, label, deadline } = STATES[state];
  return (
    <Badge tone={tone} data-testid="domain-status">
      {label}
      {deadline && expiresAt && (
        <>
          {` — ${deadline} `}
          <LocalTime iso={expiresAt.toISOString()} />
        </>
      )}
    </Badge>
  );
}

/** What a tenant can do about a domain that no longer counts, or nothing. */
export function domainStateHint(state: DomainState): string | undefined {
  return STATES[state].hint;
}
