"use client";

import { useRef, useState, useTransition } from "react";
import { uploadBrandAssetAction } from "@/app/(site)/settings/branding/actions";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/http/action-result";

const ACCEPT = "image/png,image/jpeg,image/webp,image/svg+xml";

/**
 * Drop an image or choose one. Sent with a Server Action, which shows a
 * pending state rather than byte progress: files are at most 512 KB.
 */
export function AssetUpload({ kind, label, current }: { kind: "LOGO" | "FAVICON"; label: string; current: string | null }) {
  const [pending, start] = useTransition();
  const [over, setOver] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const id = `upload-${kind.toLowerCase()}`;

  const send = (file: File | undefined) => {
    if (!file) return;
    if (file.size > 512 * 1024) return setResult({ ok: false, message: `${file.name} is over 512 KB.` });
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", file);
    start(async () => {
      const outcome = await uploadBrandAssetAction(form);
      setResult(outcome.ok ? null : outcome);
      if (outcome.ok) toast(outcome.message);
      if (input.current) input.current.value = "";
    });
  };

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          send(e.dataTransfer.files[0]);
        }}
        data-testid={`drop-${kind.toLowerCase()}`}
        className={`flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed p-3 ${over ? "border-brand bg-surface-muted" : "border-line"}`}
      >
        {current && (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={current}
            alt={`Current ${label.toLowerCase()}`}
            className="h-10 w-auto max-w-32 rounded bg-surface-muted object-contain"
          />
        )}
        <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          <input
            id={id}
            ref={input}
            type="file"
            accept={ACCEPT}
            disabled={pending}
            onChange={(e) => send(e.target.files?.[0])}
            className="max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-surface file:px-3 file:py-1.5 file:text-fg"
          />
          <span className="text-fg-muted">Or drop it here. PNG, JPEG, WebP or SVG, at most 512 KB.</span>
        </div>
        {pending && (
          <span role="status" className="flex items-center gap-2 text-sm">
            <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
            Uploading…
          </span>
        )}
      </div>
      <FormMessage result={result} />
    </div>
  );
}
