import { Badge } from "@cm/ui";

export function SyncStatusBadge({ status }: { status: "PENDING" | "SYNCHRONIZED" | "FAILED" }) {
  if (status === "SYNCHRONIZED") return <Badge tone="green">Synchronized</Badge>;
  if (status === "FAILED") return <Badge tone="red">Failed</Badge>;
  return <Badge tone="yellow">Provisioning…</Badge>;
}

const COUPON = {
  ACTIVE: { label: "Active", tone: "green" },
  REDEEMED: { label: "Redeemed", tone: "blue" },
  EXPIRED: { label: "Expired", tone: "gray" },
  CANCELLED: { label: "Cancelled", tone: "gray" },
} as const;

export function CouponStateBadge({ state }: { state: keyof typeof COUPON }) {
  return <Badge tone={COUPON[state].tone}>{COUPON[state].label}</Badge>;
}
