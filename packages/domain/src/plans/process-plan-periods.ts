import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { issueInvoice } from "../billing/issue-invoice.ts";
import { queueNotification } from "../notifications/queue-notification.ts";
import { lineTotals } from "../shared/money.ts";
import { lockAccountPlan } from "./current-plan.ts";
import { addMonths, invoicesPlanPeriod } from "./plan-rules.ts";
import { planLineName } from "./price-plan-line.ts";
import { periodText } from "./start-subscription.ts";
import { dayText } from "../shared/dates.ts";

type Tx = Prisma.TransactionClient;

export const DEFAULT_STOREFRONT_RETENTION_DAYS = 90;
/** A job that was down for long catches up at most this many periods per subscription and run. */
const MAX_PERIODS_PER_RUN = 24;

/**
 * What happens at the end of a billing period (all decided by deps.clock):
 * an Active subscription renews (the next period is invoiced at the price it
 * was sold at; Free issues no invoice); a Pending Cancellation one is
 * cancelled, the reseller is back on Basic, its storefront closes and the
 * "plan subscription cancelled" email goes out. Storefronts closed for longer
 * than the retention period are purged (alias, markups, settings). Each step
 * runs in its own transaction and is safe to run twice.
 */
export async function processPlanPeriods(
  deps: DomainDeps,
): Promise<{ renewed: number; cancelled: number; purged: number }> {
  const now = deps.clock.now();
  const due = await deps.db.planSubscription.findMany({
    where: { status: { in: ["ACTIVE", "PENDING_CANCELLATION"] }, currentPeriodEnd: { lte: now } },
    select: { id: true, accountId: true },
    orderBy: { currentPeriodEnd: "asc" },
  });
  let renewed = 0;
  let cancelled = 0;
  for (const subscription of due) {
    const outcome = await deps.db.$transaction((tx) => closePeriod(tx, deps, subscription, now));
    if (outcome === "renewed") renewed += 1;
    if (outcome === "cancelled") cancelled += 1;
  }
  const retentionDays = deps.storefrontRetentionDays ?? DEFAULT_STOREFRONT_RETENTION_DAYS;
  const purgeBefore = new Date(now.getTime() - retentionDays * 86_400_000);
  // Deleting the storefront deletes its markups and the sessions created at its address.
  const { count: purged } = await deps.db.resellerStorefront.deleteMany({ where: { closedAt: { lte: purgeBefore } } });
  return { renewed, cancelled, purged };
}

async function closePeriod(
  tx: Tx,
  deps: DomainDeps,
  target: { id: string; accountId: string },
  now: Date,
): Promise<"renewed" | "cancelled" | null> {
  await lockAccountPlan(tx, target.accountId);
  const subscription = await tx.planSubscription.findUniqueOrThrow({
    where: { id: target.id },
    select: {
      id: true,
      status: true,
      accountId: true,
      currency: true,
      unitPrice: true,
      taxRate: true,
      billingPeriodMonths: true,
      currentPeriodEnd: true,
      plan: { select: { name: true } },
      account: { select: { companyName: true, resellerStorefront: { select: { alias: true } } } },
    },
  });
  if (subscription.currentPeriodEnd > now) return null;
  if (subscription.status === "PENDING_CANCELLATION") {
    const endedAt = subscription.currentPeriodEnd;
    await tx.planSubscription.update({
      where: { id: subscription.id },
      data: {
        status: "CANCELLED",
        endedAt,
        endReason: "cancelled",
        events: {
          create: {
            at: now,
            actor: "system",
            kind: "cancelled",
            fromStatus: "PENDING_CANCELLATION",
            toStatus: "CANCELLED",
            detail: { endedAt: endedAt.toISOString() },
          },
        },
      },
    });
    await tx.resellerStorefront.updateMany({
      where: { accountId: subscription.accountId, closedAt: null },
      data: { closedAt: now },
    });
    await queueNotification(tx, deps, {
      template: "plan-subscription-cancelled",
      eventKey: `plan-subscription-cancelled:${subscription.id}`,
      accountId: subscription.accountId,
      variables: {
        account_name: subscription.account.companyName,
        plan_name: subscription.plan.name,
        end_date: dayText(endedAt),
      },
    });
    return "cancelled";
  }
  if (subscription.status !== "ACTIVE") return null;
  let periodStart = subscription.currentPeriodEnd;
  for (let period = 0; period < MAX_PERIODS_PER_RUN && periodStart <= now; period += 1) {
    const periodEnd = addMonths(periodStart, subscription.billingPeriodMonths);
    const invoiceId = invoicesPlanPeriod(subscription.unitPrice.toFixed(2))
      ? await invoiceRenewal(tx, deps, subscription, periodStart, periodEnd)
      : null;
    await tx.planSubscription.update({
      where: { id: subscription.id },
      data: {
        currentPeriodStart: periodStart,
        currentPeriodEnd: periodEnd,
        events: {
          create: {
            at: now,
            actor: "system",
            kind: "renewed",
            fromStatus: "ACTIVE",
            toStatus: "ACTIVE",
            invoiceId,
            detail: { periodStart: periodStart.toISOString(), periodEnd: periodEnd.toISOString() },
          },
        },
      },
    });
    periodStart = periodEnd;
  }
  return "renewed";
}

async function invoiceRenewal(
  tx: Tx,
  deps: DomainDeps,
  subscription: {
    accountId: string;
    currency: string;
    unitPrice: Prisma.Decimal;
    taxRate: Prisma.Decimal;
    plan: { name: string };
    account: { resellerStorefront: { alias: string } | null };
  },
  periodStart: Date,
  periodEnd: Date,
): Promise<string> {
  const unitPrice = subscription.unitPrice.toFixed(2);
  const taxRate = subscription.taxRate.toFixed(2);
  const totals = lineTotals(unitPrice, 1, taxRate);
  const alias = subscription.account.resellerStorefront?.alias;
  const invoice = await issueInvoice(tx, deps, {
    kind: "INVOICE",
    accountId: subscription.accountId,
    orderId: null,
    currency: subscription.currency,
    totals,
    lines: [
      {
        description: planLineName(subscription.plan.name),
        detail: `Renewal · ${periodText(periodStart, periodEnd)}${alias ? ` · Storefront alias “${alias}”` : ""}`,
        quantity: 1,
        unitPrice,
        taxRate,
        assetId: null,
        ...totals,
      },
    ],
  });
  return invoice.id;
}
