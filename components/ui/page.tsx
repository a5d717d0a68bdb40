/**
 * The parts every screen is built from, on the platform's dashboard and on a
 * tenant's settings alike: a page header, bordered sections, empty states.
 */

/** A page's title, what the page is for, and its main actions. */
export function PageHeader({
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
export function Section({
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

/** What a list or page shows when it has nothing (yet), with the way forward when there is one. */
export function EmptyState({ children, ...props }: { children: React.ReactNode } & React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div {...props} className="rounded-md border border-dashed border-line p-6 text-center text-fg-muted">
      {children}
    </div>
  );
}
