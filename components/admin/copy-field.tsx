"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A value to hand over (an invitation link, a new key's secret) with a copy button. */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code
        data-testid={testId}
        aria-label={label}
        className="min-w-0 flex-1 rounded border border-line bg-surface-muted px-3 py-2 font-mono text-sm break-all"
      >
        {value}
      </code>
      <Button type="button" variant="secondary" onClick={copy}>
        {copied ? "Copied" : "Copy"}
      </Button>
      <span aria-live="polite" className="sr-only">
        {copied ? `${label} copied to the clipboard` : ""}
      </span>
    </div>
  );
}
