import { Badge } from "@cm/ui";

const STATUS = {
  ACTIVE: { label: "Active", tone: "green" },
  PENDING_CANCELLATION: { label: "Pending Cancellation", tone: "yellow" },
  CANCELLED: { label: "Cancelled", tone: "gray" },
} as const;

export function SubscriptionStatusBadge({ status }: { status: keyof typeof STATUS }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

/** "every month", "every 3 months" */
export const periodLabel = (months: number) => (months === 1 ? "month" : `${months} months`);
