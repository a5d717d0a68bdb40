"use client";

/** A colour picker and its hex text field, kept in step; the text accepts what the picker cannot show mid-typing. */
export function ColorField({
  id,
  label,
  value,
  onChange,
  error,
  readOnly,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  readOnly: boolean;
}) {
  const valid = /^#[0-9a-f]{6}$/i.test(value);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} picker`}
          value={valid ? value.toLowerCase() : "#000000"}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.value)}
          className="h-10 w-12 cursor-pointer rounded border border-line bg-surface disabled:cursor-default"
        />
        <input
          id={id}
          value={value}
          readOnly={readOnly}
          maxLength={7}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value.trim())}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-28 rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-fg read-only:bg-surface-muted"
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
