"use client";

import { useEffect, useState } from "react";
import { checkCustomCssAction } from "@/lib/branding/actions";
import type { RemovedCss } from "@/lib/branding/sanitize-css";

/**
 * The stylesheet and, half a second after typing stops, what the sanitiser
 * would remove from it and why; what it keeps goes to the preview.
 */
export function CssEditor({
  value,
  onChange,
  onSanitised,
  readOnly,
}: {
  value: string;
  onChange: (v: string) => void;
  onSanitised: (previewCss: string) => void;
  readOnly: boolean;
}) {
  const [removed, setRemoved] = useState<RemovedCss[]>([]);
  useEffect(() => {
    if (!value.trim()) {
      onSanitised("");
      return;
    }
    const timer = setTimeout(() => {
      void checkCustomCssAction({ css: value }).then((result) => {
        // A refusal (e.g. too many checks in a minute) keeps the last preview.
        if (!result.ok) return;
        setRemoved(result.data?.removed ?? []);
        onSanitised(result.data?.previewCss ?? "");
      });
    }, 500);
    return () => clearTimeout(timer);
  }, [value, onSanitised]);
  const shown = value.trim() ? removed : [];
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="custom-css" className="text-sm font-medium">
        Custom CSS (scoped to the portal; at most 20 KB)
      </label>
      <textarea
        id="custom-css"
        rows={8}
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="custom-css-removed"
        className="rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-fg read-only:bg-surface-muted"
        placeholder={readOnly ? undefined : ".tenant-hero h1 { letter-spacing: -0.02em; }"}
      />
      <div id="custom-css-removed" aria-live="polite" data-testid="css-removed">
        {shown.length > 0 && (
          <div className="flex flex-col gap-1 rounded-md border border-amber-500 p-3 text-sm">
            <p className="font-medium">These parts will be removed when the CSS is served:</p>
            <ul className="flex list-disc flex-col gap-1 pl-5">
              {shown.map((r, i) => (
                <li key={i}>
                  <code className="font-mono break-all">{r.rule}</code>
                  {r.line ? ` (line ${r.line})` : ""}: {r.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
