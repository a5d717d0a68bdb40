import { AdminLoading } from "@/components/admin/loading";

export default function Loading() {
  return <AdminLoading />;
}
