"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/entry-points/result";

const ACCEPT = "image/png,image/jpeg,image/webp,image/svg+xml";

/**
 * Drop an image or choose one. Sent with XMLHttpRequest to the page's upload
 * route (settings/branding/upload), because only XMLHttpRequest reports upload
 * progress; the bar shows the bytes sent.
 */
export function AssetUpload({ kind, label, current }: { kind: "LOGO" | "FAVICON"; label: string; current: string | null }) {
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const pending = progress !== null;
  const [over, setOver] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const id = `upload-${kind.toLowerCase()}`;

  const send = (file: File | undefined) => {
    if (!file) return;
    if (file.size > 512 * 1024) return setResult({ ok: false, message: `${file.name} is over 512 KB.` });
    setResult(null);
    setProgress(0);
    const request = new XMLHttpRequest();
    request.open("POST", `/settings/branding/upload?kind=${kind}`);
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    const done = (message: string | null) => {
      setProgress(null);
      if (input.current) input.current.value = "";
      if (message) setResult({ ok: false, message });
    };
    request.onerror = () => done("The upload did not reach the server. Check your connection and try again.");
    request.onload = () => {
      let body: { message?: string; error?: { message?: string } } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // Falls through to the generic message.
      }
      if (request.status >= 200 && request.status < 300) {
        done(null);
        toast(body.message ?? "Uploaded.");
        router.refresh();
      } else {
        done(body.error?.message ?? `The upload failed (HTTP ${request.status}). Try again.`);
      }
    };
    request.send(file);
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
            <progress max={100} value={progress} aria-label={`Uploading ${label.toLowerCase()}`} className="h-2 w-24" />
            Uploading… {progress}%
          </span>
        )}
      </div>
      <FormMessage result={result} />
    </div>
  );
}
