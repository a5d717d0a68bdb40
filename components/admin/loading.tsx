import { PageSkeleton } from "@/components/ui/skeleton";

/** The dashboard pages' loading state. */
export function AdminLoading({ label = "Loading" }: { label?: string }) {
  return <PageSkeleton rows={4} label={label} />;
}
