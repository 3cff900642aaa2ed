import { Badge } from "@cm/ui";

export function SyncStatusBadge({ status }: { status: "PENDING" | "SYNCHRONIZED" | "FAILED" }) {
  if (status === "SYNCHRONIZED") return <Badge tone="green">Synchronized</Badge>;
  if (status === "FAILED") return <Badge tone="red">Failed</Badge>;
  return <Badge tone="yellow">Provisioning…</Badge>;
}
