import { Badge } from "@cm/ui";

export const SUBSCRIPTION_STATUS = {
  ACTIVE: { label: "Active", tone: "green" },
  PENDING_CANCELLATION: { label: "Pending Cancellation", tone: "yellow" },
  CANCELLED: { label: "Cancelled", tone: "gray" },
} as const;

export function SubscriptionStatusBadge({ status }: { status: keyof typeof SUBSCRIPTION_STATUS }) {
  return <Badge tone={SUBSCRIPTION_STATUS[status].tone}>{SUBSCRIPTION_STATUS[status].label}</Badge>;
}

export const periodLabel = (months: number) => (months === 1 ? "month" : `${months} months`);
