/** A grey placeholder block for loading.tsx files; hidden from screen readers, which hear the status instead. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded-md bg-surface-muted ${className}`} />;
}

/** The page-level loading state: a heading bar and some rows, announced once. */
export function PageSkeleton({ rows = 3, label }: { rows?: number; label: string }) {
  return (
    <div className="flex flex-col gap-6" role="status" aria-label={label}>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-9 w-56" />
        <Skeleton className="h-5 w-full max-w-md" />
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-20 w-full" />
      ))}
    </div>
  );
}
