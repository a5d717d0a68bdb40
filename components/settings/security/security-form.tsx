"use client";

import { useState, useTransition } from "react";
import { saveSecurityAction } from "@/lib/config/actions";
import { Section } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import { securitySchema } from "@/lib/config/schemas";
import type { ActionResult } from "@/lib/entry-points/result";
import { firstBadLine, linesOf, serverLineError } from "./list-field";
import { ListTextarea } from "./list-textarea";

const ipItem = securitySchema.shape.ipAllowlist.unwrap().element;
const domainItem = securitySchema.shape.allowedDomains.unwrap().element;

type Props = { ipAllowlist: string[]; allowedDomains: string[]; currentIp: string | null; canWrite: boolean };

export function SecurityForm({ ipAllowlist, allowedDomains, currentIp, canWrite }: Props) {
  const [ips, setIps] = useState(ipAllowlist.join("\n"));
  const [domains, setDomains] = useState(allowedDomains.join("\n"));
  const [checked, setChecked] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const toast = useToast();

  const ipLines = linesOf(ips);
  const domainLines = linesOf(domains);
  const ipError =
    (checked ? firstBadLine(ipLines, ipItem, 100) : undefined) ?? serverLineError(result?.fieldErrors, "ipAllowlist", ipLines);
  const domainError =
    (checked ? firstBadLine(domainLines, domainItem, 50) : undefined) ??
    serverLineError(result?.fieldErrors, "allowedDomains", domainLines);

  const save = (excludeSelf: boolean) => {
    setChecked(true);
    if (firstBadLine(ipLines, ipItem, 100) || firstBadLine(domainLines, domainItem, 50)) return;
    start(async () => {
      const outcome = await saveSecurityAction({ ipAllowlist: ipLines, allowedDomains: domainLines, excludeSelf });
      const needsConfirmation = (outcome.data as { needsConfirmation?: boolean } | undefined)?.needsConfirmation === true;
      setConfirming(needsConfirmation);
      setResult(outcome.ok && !needsConfirmation ? null : outcome);
      if (outcome.ok && !needsConfirmation) toast(outcome.message);
    });
  };

  return (
    <form
      className="flex flex-col gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        save(false);
      }}
    >
      <Section
        title="IP allowlist"
        description="API keys of this tenant are accepted only from these addresses or ranges. It does not apply to people signed in to this portal. Leave it empty to accept keys from anywhere."
      >
        <p className="text-sm" data-testid="current-ip">
          {currentIp ? (
            <>
              Your current address is <code className="font-mono">{currentIp}</code>
              {ipLines.length > 0 && <> — {ipLines.includes(currentIp) ? "listed" : "check that a range includes it"}</>}.
            </>
          ) : (
            "Your current address is unknown here (no trusted proxy reports it), so Livery cannot tell whether the list includes you."
          )}
        </p>
        <ListTextarea
          id="ip-allowlist"
          label="Addresses and ranges, one per line (IPv4 or IPv6, e.g. 203.0.113.0/24 or 2001:db8::/32)"
          value={ips}
          onChange={(v) => {
            setIps(v);
            setConfirming(false);
          }}
          error={ipError}
          readOnly={!canWrite}
          placeholder={"203.0.113.0/24\n2001:db8::/32"}
        />
      </Section>
      <Section
        title="Allowed domains"
        description="Sites that may embed this portal and call it from the browser (CORS). One hostname per line."
      >
        <ListTextarea
          id="allowed-domains"
          label="Hostnames, one per line (e.g. app.example.com)"
          value={domains}
          onChange={setDomains}
          error={domainError}
          readOnly={!canWrite}
          placeholder="app.example.com"
        />
      </Section>
      {canWrite ? (
        <div className="flex flex-col gap-3">
          {confirming && result ? (
            <div role="alert" className="flex flex-col gap-3 rounded-md border-2 border-amber-500 p-4" data-testid="self-lockout">
              <p className="text-sm font-medium">{result.message}</p>
              <div className="flex flex-wrap gap-2">
                <Button type="button" variant="danger" pending={pending} onClick={() => save(true)}>
                  Save anyway
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                  Go back and edit
                </Button>
              </div>
            </div>
          ) : (
            <FormMessage result={result} />
          )}
          {!confirming && (
            <div>
              <Button type="submit" pending={pending}>
                Save security settings
              </Button>
            </div>
          )}
        </div>
      ) : (
        <p className="text-sm text-fg-muted">Only owners and admins can change these settings.</p>
      )}
    </form>
  );
}
