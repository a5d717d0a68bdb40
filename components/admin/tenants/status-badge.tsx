import { Badge } from "@/components/ui/badge";

export function StatusBadge({ status }: { status: "ACTIVE" | "SUSPENDED" }) {
  return <Badge tone={status === "ACTIVE" ? "good" : "bad"}>{status === "ACTIVE" ? "Active" : "Suspended"}</Badge>;
}
