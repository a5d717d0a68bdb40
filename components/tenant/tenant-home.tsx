import Link from "next/link";
import type { Brand } from "@/lib/branding/brand";

/**
 * A tenant's public home page, in its brand. The branding page previews this
 * same markup (`preview`), so custom CSS written against the home page's
 * classes shows there as it will here: scoped to [data-brand-preview] instead
 * of [data-tenant-portal], inert, with the sign-in link drawn but not live.
 */
export function TenantHome({ brand, preview = false }: { brand: Pick<Brand, "name" | "slug" | "logoUrl">; preview?: boolean }) {
  const scope = preview ? { "data-brand-preview": "" } : { "data-tenant-portal": "" };
  const signIn = "ml-auto rounded-md bg-brand-foreground px-3 py-1.5 text-sm font-medium text-brand hover:opacity-90";
  return (
    <div {...scope} className={`flex flex-col ${preview ? "" : "min-h-screen"}`}>
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
          {preview ? (
            <span className={signIn}>Sign in</span>
          ) : (
            <Link href="/sign-in" className={signIn}>
              Sign in
            </Link>
          )}
        </div>
      </header>
      <main className={`tenant-hero mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-6 ${preview ? "py-8" : "py-16"}`}>
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
