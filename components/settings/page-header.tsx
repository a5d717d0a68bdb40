/** A settings page's title and what the page is for. */
export function PageHeader({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <h1 className="text-3xl font-bold">{title}</h1>
      {children && <p className="max-w-prose text-fg-muted">{children}</p>}
    </div>
  );
}

/** A bordered section of a settings page with its own heading. */
export function Section({
  title,
  description,
  children,
  ...props
}: { title: string; description?: React.ReactNode; children: React.ReactNode } & React.HTMLAttributes<HTMLElement>) {
  return (
    <section {...props} className="flex flex-col gap-4 rounded-lg border border-line p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <h2 className="text-lg font-semibold">{title}</h2>
        {description && <p className="text-sm text-fg-muted">{description}</p>}
      </div>
      {children}
    </section>
  );
}

/** What a page shows when there is nothing yet. */
export function EmptyState({ children, ...props }: { children: React.ReactNode } & React.HTMLAttributes<HTMLParagraphElement>) {
  return (
    <p {...props} className="rounded-md border border-dashed border-line p-6 text-center text-fg-muted">
      {children}
    </p>
  );
}
