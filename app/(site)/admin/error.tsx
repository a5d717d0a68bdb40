"use client";

import Link from "next/link";

// A dashboard page failed (the database is unreachable, a bug): the frame and
// its navigation stay, with a retry and a way back.
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex flex-col gap-4 rounded-lg border border-red-700 p-6">
      <h1 className="text-2xl font-bold">This page could not be loaded</h1>
      <p className="text-fg-muted">
        Try again; if it keeps failing, quote this reference: <code className="font-mono">{error.digest ?? "unknown"}</code>
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={reset} className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-brand-foreground">
          Try again
        </button>
        <Link href="/admin" className="rounded-md border border-line px-4 py-2 text-sm font-medium">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
