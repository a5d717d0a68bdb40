import Link from "next/link";
import type { Brand } from "@/lib/branding/brand";

/** A tenant's public home page, in its brand. */
export function TenantHome({ brand }: { brand: Brand }) {
  return (
    <div data-tenant-portal className="flex min-h-screen flex-col">
      <header className="bg-brand text-brand-foreground">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-6 py-4">
          {brand.logoUrl ? (
            // Tenant logos come from arbitrary https hosts, so next/image's allow-list does not fit.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={brand.logoUrl} alt={`${brand.name} logo`} className="h-8 w-auto" />
          ) : (
            <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand-foreground font-bold text-brand">
              {brand.name.charAt(0).toUpperCase()}
            </span>
          )}
          <span className="text-lg font-semibold" data-testid="tenant-name">
            {brand.name}
          </span>
          <Link
            href="/sign-in"
            className="ml-auto rounded-md bg-brand-foreground px-3 py-1.5 text-sm font-medium text-brand hover:opacity-90"
          >
            Sign in
          </Link>
        </div>
      </header>
      <main className="tenant-hero mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-6 py-16">
        <h1 className="text-4xl font-bold tracking-tight text-balance">Welcome to the {brand.name} portal</h1>
        <p className="max-w-2xl text-lg text-fg-muted">
          This is {brand.name}&apos;s own space: its members, content, API keys and usage live here and nowhere else.
        </p>
        <p>
          <span
            className="inline-block rounded-md bg-accent px-3 py-1 text-sm font-medium text-accent-foreground"
            data-testid="accent-chip"
          >
            {brand.slug}
          </span>
        </p>
      </main>
      <footer className="border-t border-line py-6 text-center text-sm text-fg-muted">
        Served by <span className="font-medium text-accent">Livery</span>
      </footer>
    </div>
  );
}
