const TONES = {
  neutral: "bg-surface-muted text-fg",
  good: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  warn: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  bad: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
} as const;

export type BadgeTone = keyof typeof TONES;

/** A small status label; the text carries the meaning, the colour only repeats it. */
export function Badge({
  tone = "neutral",
  children,
  ...props
}: { tone?: BadgeTone; children: React.ReactNode } & React.HTMLAttributes<HTMLSpanElement>) {
  return (
    <span {...props} className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>
      {children}
    </span>
  );
}
