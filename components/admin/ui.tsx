import Link from "next/link";

/** A dashboard page's title, what the page is for, and its main actions. */
export function AdminHeader({
  title,
  children,
  actions,
}: {
  title: string;
  children?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="flex min-w-0 flex-col gap-1">
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{title}</h1>
        {children && <p className="max-w-prose text-fg-muted">{children}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/** A bordered part of a page with its own heading. */
export function Panel({
  title,
  description,
  children,
  ...props
}: { title: string; description?: React.ReactNode; children: React.ReactNode } & React.HTMLAttributes<HTMLElement>) {
  return (
    <section {...props} className="flex min-w-0 flex-col gap-4 rounded-lg border border-line p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <h2 className="text-lg font-semibold">{title}</h2>
        {description && <p className="text-sm text-fg-muted">{description}</p>}
      </div>
      {children}
    </section>
  );
}

/** What a list shows when it has nothing (yet), with the way forward when there is one. */
export function Empty({ children, ...props }: { children: React.ReactNode } & React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div {...props} className="rounded-md border border-dashed border-line p-6 text-center text-fg-muted">
      {children}
    </div>
  );
}

const LINK_BUTTON = {
  primary: "bg-brand text-brand-foreground hover:opacity-90",
  secondary: "border border-line bg-surface text-fg hover:bg-surface-muted",
} as const;

/** A link that looks like a button (navigation, not an action). */
export function LinkButton({
  href,
  variant = "primary",
  children,
  ...props
}: { href: string; variant?: keyof typeof LINK_BUTTON; children: React.ReactNode } & Omit<
  React.AnchorHTMLAttributes<HTMLAnchorElement>,
  "href"
>) {
  return (
    <Link
      href={href}
      {...props}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium ${LINK_BUTTON[variant]}`}
    >
      {children}
    </Link>
  );
}

/** A key–value list (tenant facts, limits). */
export function Facts({ items }: { items: { label: string; value: React.ReactNode; testId?: string }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label} className="flex min-w-0 flex-col">
          <dt className="text-sm text-fg-muted">{item.label}</dt>
          <dd className="break-words" data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
