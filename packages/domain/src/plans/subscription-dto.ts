import type { PlanCode, Prisma, SubscriptionStatus } from "@cm/db";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import { formatSubscriptionNumber } from "./subscription-number.ts";

export interface SubscriptionSummaryDto {
  id: string;
  number: string;
  account: { id: string; companyName: string };
  plan: { code: PlanCode; name: string };
  status: SubscriptionStatus;
  currency: string;
  /** Per billing period, excluding tax, as sold. */
  unitPrice: string;
  billingPeriodMonths: number;
  startedAt: Date;
  /** The renewal date; when Pending Cancellation, the day it ends. */
  currentPeriodEnd: Date;
  /** The distributor's time zone: its days (start, period, end) are shown as that calendar has them. */
  timeZone: string;
  cancelRequestedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  storefrontAlias: string | null;
}

export interface SubscriptionDetailDto extends SubscriptionSummaryDto {
  order: { id: string; number: string };
  currentPeriodStart: Date;
  events: {
    at: Date;
    actor: string;
    kind: string;
    fromStatus: SubscriptionStatus | null;
    toStatus: SubscriptionStatus;
    invoice: { id: string; number: string } | null;
  }[];
  /** What the shortcuts may offer now. */
  canCancel: boolean;
  canUpgrade: boolean;
  /** The subscription this one was upgraded to (ended "upgraded"), else null. */
  successor: { id: string; number: string } | null;
}

export const subscriptionSummarySelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  unitPrice: true,
  billingPeriodMonths: true,
  startedAt: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelRequestedAt: true,
  endedAt: true,
  endReason: true,
  account: { select: { id: true, companyName: true, resellerStorefront: { select: { alias: true } } } },
  plan: { select: { code: true, name: true } },
  orderLine: { select: { storefrontAlias: true } },
} satisfies Prisma.PlanSubscriptionSelect;

export const subscriptionDetailSelect = {
  ...subscriptionSummarySelect,
  orderLine: { select: { storefrontAlias: true, order: { select: { id: true, number: true } } } },
  events: {
    orderBy: { seq: "asc" },
    select: {
      at: true,
      actor: true,
      kind: true,
      fromStatus: true,
      toStatus: true,
      invoice: { select: { id: true, number: true } },
    },
  },
} satisfies Prisma.PlanSubscriptionSelect;

type SummaryRow = Prisma.PlanSubscriptionGetPayload<{ select: typeof subscriptionSummarySelect }>;
type DetailRow = Prisma.PlanSubscriptionGetPayload<{ select: typeof subscriptionDetailSelect }>;

export function toSubscriptionSummary(row: SummaryRow, timeZone: string): SubscriptionSummaryDto {
  const inEffect = row.status !== "CANCELLED";
  return {
    id: row.id,
    number: formatSubscriptionNumber(row.number),
    account: { id: row.account.id, companyName: row.account.companyName },
    plan: row.plan,
    status: row.status,
    currency: row.currency,
    unitPrice: row.unitPrice.toFixed(2),
    billingPeriodMonths: row.billingPeriodMonths,
    startedAt: row.startedAt,
    currentPeriodEnd: row.currentPeriodEnd,
    timeZone,
    cancelRequestedAt: row.cancelRequestedAt,
    endedAt: row.endedAt,
    endReason: row.endReason,
    // The alias in use while the plan is in effect; the one it was sold with afterwards.
    storefrontAlias: (inEffect ? row.account.resellerStorefront?.alias : null) ?? row.orderLine.storefrontAlias,
  };
}

export function toSubscriptionDetail(
  row: DetailRow,
  timeZone: string,
  successor: { id: string; number: number } | null = null,
): SubscriptionDetailDto {
  return {
    ...toSubscriptionSummary(row, timeZone),
    order: { id: row.orderLine.order.id, number: formatOrderNumber(row.orderLine.order.number) },
    currentPeriodStart: row.currentPeriodStart,
    events: row.events,
    canCancel: row.status === "ACTIVE",
    canUpgrade: row.plan.code === "FREE" && row.status !== "CANCELLED",
    successor: successor && { id: successor.id, number: formatSubscriptionNumber(successor.number) },
  };
}

/** The Storefront's subscription: its history without who on the distributor's side acted. */
export type ShopSubscriptionDetailDto = Omit<SubscriptionDetailDto, "events"> & {
  events: Omit<SubscriptionDetailDto["events"][number], "actor">[];
};

export function toShopSubscriptionDetail(subscription: SubscriptionDetailDto): ShopSubscriptionDetailDto {
  return { ...subscription, events: subscription.events.map(({ actor: _actor, ...event }) => event) };
}
