import Link from "next/link";

const capabilities = [
  { title: "A portal per organisation", text: "Each tenant gets its own hostname, brand, members, API keys and usage figures." },
  {
    title: "Isolation in the database",
    text: "Row-level security under every query: a tenant's transaction cannot read another tenant's rows.",
  },
  { title: "Runs anywhere", text: "An embedded Postgres for one machine; PostgreSQL and Redis when you scale out." },
];

export function PlatformHome() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-12 px-6 py-16">
      <header className="flex flex-col gap-4">
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">Livery platform</p>
        <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
          One deployment, many branded admin portals.
        </h1>
        <p className="max-w-2xl text-lg text-fg-muted">
          Livery serves every organisation from the same app: its own hostname, its own look, its own data, and nothing of anyone
          else&apos;s.
        </p>
      </header>

      <ul className="grid gap-4 sm:grid-cols-3">
        {capabilities.map((item) => (
          <li key={item.title} className="rounded-xl border border-line bg-surface-muted p-5">
            <h2 className="font-semibold">{item.title}</h2>
            <p className="mt-2 text-sm text-fg-muted">{item.text}</p>
          </li>
        ))}
      </ul>

      <footer className="flex flex-wrap items-center gap-4 text-sm text-fg-muted">
        <Link
          href="/api/health"
          className="rounded-md bg-brand px-4 py-2 font-medium text-brand-foreground hover:opacity-90"
          prefetch={false}
        >
          Service health
        </Link>
        <Link href="/api/ready" className="underline underline-offset-4 hover:text-fg" prefetch={false}>
          Readiness
        </Link>
      </footer>
    </main>
  );
}
