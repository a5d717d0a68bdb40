"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-24 text-center">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="text-fg-muted">
        The page could not be loaded. Try again; if it keeps failing, quote this reference to support:{" "}
        <code className="font-mono">{error.digest ?? "unknown"}</code>
      </p>
      <button type="button" onClick={reset} className="mx-auto rounded-md bg-brand px-4 py-2 font-medium text-brand-foreground">
        Try again
      </button>
    </main>
  );
}
