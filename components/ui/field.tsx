import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

const CONTROL =
  "w-full rounded-md border border-line bg-surface px-3 py-2 text-fg outline-none aria-[invalid=true]:border-red-700 focus-visible:ring-2 focus-visible:ring-accent";

type Labelled = { label: string; id: string; error?: string; hint?: React.ReactNode };

/** The label above a control, and its hint and error below, wired to it for screen readers. */
function Frame({ label, id, error, hint, children }: Labelled & { children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <div id={`${id}-hint`} className="text-sm text-fg-muted">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = ({ id, error, hint }: Labelled) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** A labelled input. */
export function Field({ label, id, error, hint, ...props }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return (
    <Frame label={label} id={id} error={error} hint={hint}>
      <input
        id={id}
        {...props}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ label, id, error, hint })}
        className={CONTROL}
      />
    </Frame>
  );
}

/** A labelled select. */
export function SelectField({ label, id, error, hint, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & Labelled) {
  return (
    <Frame label={label} id={id} error={error} hint={hint}>
      <select
        id={id}
        {...props}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ label, id, error, hint })}
        className={CONTROL}
      >
        {children}
      </select>
    </Frame>
  );
}
