/** A one-entry-per-line list with its error wired to it for screen readers. */
export function ListTextarea({
  id,
  label,
  value,
  onChange,
  error,
  readOnly,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  readOnly: boolean;
  placeholder?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={5}
        value={value}
        readOnly={readOnly}
        placeholder={readOnly ? undefined : placeholder}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-fg outline-none read-only:bg-surface-muted focus-visible:ring-2 focus-visible:ring-accent"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
