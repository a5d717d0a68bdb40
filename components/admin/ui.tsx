import Link from "next/link";

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
