import type { ReactNode } from "react";
import { Link } from "react-router";
import { Badge } from "./feedback.tsx";
import { formatDate, formatDateTime, formatMoney } from "./format.ts";
import { Card, Details } from "./layout.tsx";
import { Table, type Column } from "./table.tsx";

// A reseller's plan subscription as both the BSS and the Storefront show it.

export const SUBSCRIPTION_STATUS = {
  ACTIVE: { label: "Active", tone: "green" },
  PENDING_CANCELLATION: { label: "Pending Cancellation", tone: "yellow" },
  CANCELLED: { label: "Cancelled", tone: "gray" },
} as const;

export type SubscriptionStatus = keyof typeof SUBSCRIPTION_STATUS;

export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  return <Badge tone={SUBSCRIPTION_STATUS[status].tone}>{SUBSCRIPTION_STATUS[status].label}</Badge>;
}

/** "month", "3 months" (after "per" or "every"). */
export const periodLabel = (months: number) => (months === 1 ? "month" : `${months} months`);

const EVENT: Record<string, string> = {
  created: "Subscribed",
  renewed: "Renewed",
  "cancellation-requested": "Cancellation requested",
  cancelled: "Cancelled",
  upgraded: "Upgraded",
};

type SubscriptionEvent = { at: Date; kind: string; actor?: string; invoice: { id: string; number: string } | null };

export interface SubscriptionSummary {
  plan: { name: string };
  storefrontAlias: string | null;
  unitPrice: string;
  currency: string;
  billingPeriodMonths: number;
  startedAt: Date;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  /** The distributor's: the days are shown as its calendar has them. */
  timeZone: string;
  endedAt: Date | null;
  endReason: string | null;
  order: { id: string; number: string };
  events: SubscriptionEvent[];
}

/**
 * The subscription's details and status history. `lead` comes before the plan, `afterPlan` after it
 * (the BSS names the reseller, the Storefront the status); `showActor` adds who did what.
 */
export function SubscriptionCards({
  subscription: data,
  lead = [],
  afterPlan = [],
  showActor = false,
}: {
  subscription: SubscriptionSummary;
  lead?: { label: string; value: ReactNode }[];
  afterPlan?: { label: string; value: ReactNode }[];
  showActor?: boolean;
}) {
  const columns: Column<SubscriptionEvent>[] = [
    { header: "When", cell: (event) => formatDateTime(event.at) },
    { header: "What", cell: (event) => EVENT[event.kind] ?? event.kind },
    ...(showActor
      ? [{ header: "By", cell: (event: SubscriptionEvent) => event.actor?.replace(/^(staff|customer):/, "") }]
      : []),
    {
      header: "Invoice",
      cell: (event) =>
        event.invoice ? (
          <Link to={`/invoices/${event.invoice.id}`} className="font-mono text-brand-700 hover:underline">
            {event.invoice.number}
          </Link>
        ) : null,
    },
  ];
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <Card title="Subscription" className="lg:col-span-3">
        <Details
          items={[
            ...lead,
            { label: "Plan", value: data.plan.name },
            ...afterPlan,
            { label: "Storefront Alias", value: data.storefrontAlias },
            {
              label: "Price",
              value: `${formatMoney(data.unitPrice, data.currency)} per ${periodLabel(data.billingPeriodMonths)}, excl. tax`,
            },
            { label: "Started", value: formatDate(data.startedAt, data.timeZone) },
            {
              label: "Current period",
              value: `${formatDate(data.currentPeriodStart, data.timeZone)} – ${formatDate(data.currentPeriodEnd, data.timeZone)}`,
            },
            {
              label: "Ended",
              value: data.endedAt ? `${formatDate(data.endedAt, data.timeZone)} (${data.endReason})` : null,
            },
            {
              label: "Order",
              value: (
                <Link to={`/orders/${data.order.id}`} className="text-brand-700 hover:underline">
                  {data.order.number}
                </Link>
              ),
            },
          ]}
        />
      </Card>
      <Card title="Status history" className="lg:col-span-3">
        <Table rows={data.events} rowKey={(event) => `${event.at.toString()}-${event.kind}`} columns={columns} />
      </Card>
    </div>
  );
}
