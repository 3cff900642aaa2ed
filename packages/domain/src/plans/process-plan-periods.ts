import type { Prisma, TaxCategory } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { issueInvoice } from "../billing/issue-invoice.ts";
import { queueNotification } from "../notifications/queue-notification.ts";
import { emitSubscriptionCancelled } from "./subscription-webhooks.ts";
import { lineTotals } from "../shared/money.ts";
import { lockAccountPlan } from "./current-plan.ts";
import { periodEndAfter, periodText, proratedPrice } from "./billing-period.ts";
import { invoicesPlanPeriod } from "./plan-rules.ts";
import { planLineName } from "./price-plan-line.ts";
import { businessTimeZone, dayText } from "../shared/business-time.ts";
import { taxOfSale } from "../tax/tax-context.ts";

type Tx = Prisma.TransactionClient;

export const DEFAULT_STOREFRONT_RETENTION_DAYS = 90;
/** A job that was down for long catches up at most this many periods per subscription and run. */
const MAX_PERIODS_PER_RUN = 24;

/**
 * What happens at the end of a billing period (all decided by deps.clock):
 * an Active subscription renews (the next period, to the subscription's
 * anchor day on the distributor's calendar, is invoiced at the price it
 * was sold at, taxed as the day's rules and rates have it; Free issues no invoice); a Pending Cancellation one is
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

const periodColumns = {
  id: true,
  status: true,
  accountId: true,
  currency: true,
  unitPrice: true,
  billingPeriodMonths: true,
  anchorDay: true,
  startedAt: true,
  currentPeriodEnd: true,
  plan: { select: { name: true, taxCategory: true } },
  account: { select: { companyName: true, resellerStorefront: { select: { alias: true } } } },
} satisfies Prisma.PlanSubscriptionSelect;

type PeriodSubscription = Prisma.PlanSubscriptionGetPayload<{ select: typeof periodColumns }>;

async function closePeriod(
  tx: Tx,
  deps: DomainDeps,
  target: { id: string; accountId: string },
  now: Date,
): Promise<"renewed" | "cancelled" | null> {
  await lockAccountPlan(tx, target.accountId);
  const subscription = await tx.planSubscription.findUniqueOrThrow({ where: { id: target.id }, select: periodColumns });
  if (subscription.currentPeriodEnd > now) return null;
  const timeZone = await businessTimeZone(tx);
  if (subscription.status === "PENDING_CANCELLATION") {
    await endSubscription(tx, deps, subscription, { endedAt: subscription.currentPeriodEnd, now, timeZone });
    return "cancelled";
  }
  if (subscription.status !== "ACTIVE") return null;
  await renewPeriods(tx, deps, subscription, { now, timeZone, maxPeriods: MAX_PERIODS_PER_RUN });
  return "renewed";
}

/** Cancelled at `endedAt`: the reseller is back on Basic, its storefront closes, and the email says so. */
async function endSubscription(
  tx: Tx,
  deps: DomainDeps,
  subscription: PeriodSubscription,
  at: { endedAt: Date; now: Date; timeZone: string; actor?: string },
): Promise<void> {
  const { endedAt, now } = at;
  await tx.planSubscription.update({
    where: { id: subscription.id },
    data: {
      status: "CANCELLED",
      endedAt,
      endReason: "cancelled",
      events: {
        create: {
          at: now,
          actor: at.actor ?? "system",
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
      end_date: dayText(endedAt, at.timeZone),
    },
  });
  await emitSubscriptionCancelled(tx, deps, subscription.id);
}

/**
 * Renews the periods that have begun by `now`, each invoiced; `wholeOnly`:
 * only those that have also ended (the period `now` is in is left to the
 * caller). Returns that period: the first one not renewed.
 */
async function renewPeriods(
  tx: Tx,
  deps: DomainDeps,
  subscription: PeriodSubscription,
  options: { now: Date; timeZone: string; maxPeriods: number; wholeOnly?: boolean },
): Promise<{ start: Date; end: Date }> {
  const { now, timeZone } = options;
  let periodStart = subscription.currentPeriodEnd;
  for (let period = 0; period < options.maxPeriods && periodStart <= now; period += 1) {
    const periodEnd = periodEndAfter(periodStart, subscription, timeZone);
    if (options.wholeOnly && periodEnd > now) return { start: periodStart, end: periodEnd };
    const invoiceId = invoicesPlanPeriod(subscription.unitPrice.toFixed(2))
      ? await invoiceRenewal(tx, deps, subscription, { start: periodStart, end: periodEnd, timeZone })
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
  return { start: periodStart, end: periodEndAfter(periodStart, subscription, timeZone) };
}

/**
 * A cancellation asked for after the paid period ended but before the job
 * renewed it: the subscription ends now, not at the old period end (the days
 * since were used). Periods that ended in between are renewed as the job would
 * have; the one the request falls in is invoiced for the days begun, pro rata
 * (`proratedPrice`); then it is cancelled at once, as at the end of a period.
 * Called by `cancelSubscription` under the account's plan lock.
 */
export async function cancelOverdueSubscription(
  tx: Tx,
  deps: DomainDeps,
  input: { id: string; actor: string; now: Date },
): Promise<void> {
  const { now, actor } = input;
  const subscription = await tx.planSubscription.findUniqueOrThrow({ where: { id: input.id }, select: periodColumns });
  if (subscription.status !== "ACTIVE" || subscription.currentPeriodEnd > now) return;
  const timeZone = await businessTimeZone(tx);
  const period = await renewPeriods(tx, deps, subscription, {
    now,
    timeZone,
    maxPeriods: Number.POSITIVE_INFINITY,
    wholeOnly: true,
  });
  const prorated = proratedPrice(subscription.unitPrice, { ...period, usedUntil: now }, timeZone);
  const invoiceId =
    prorated.usedDays === 0 || subscription.unitPrice.isZero()
      ? null
      : await invoiceRenewal(tx, deps, subscription, { start: period.start, end: now, timeZone, prorated });
  await tx.planSubscription.update({
    where: { id: subscription.id },
    data: {
      status: "PENDING_CANCELLATION",
      cancelRequestedAt: now,
      currentPeriodStart: period.start,
      currentPeriodEnd: now,
      events: {
        create: {
          at: now,
          actor,
          kind: "cancellation-requested",
          fromStatus: "ACTIVE",
          toStatus: "PENDING_CANCELLATION",
          invoiceId,
          detail: {
            endsAt: now.toISOString(),
            billedFrom: period.start.toISOString(),
            usedDays: prorated.usedDays,
            periodDays: prorated.periodDays,
          },
        },
      },
    },
  });
  await endSubscription(tx, deps, subscription, { endedAt: now, now, timeZone, actor });
}

async function invoiceRenewal(
  tx: Tx,
  deps: DomainDeps,
  subscription: {
    accountId: string;
    currency: string;
    unitPrice: Prisma.Decimal;
    plan: { name: string; taxCategory: TaxCategory };
    account: { resellerStorefront: { alias: string } | null };
  },
  /** `prorated`: the part of a period up to a cancellation (`end`), at its share of the price. */
  period: { start: Date; end: Date; timeZone: string; prorated?: ReturnType<typeof proratedPrice> },
): Promise<string> {
  const { prorated } = period;
  const unitPrice = prorated?.amount ?? subscription.unitPrice.toFixed(2);
  // Decided again for every renewal, on its own invoice date: the buyer's country and VAT number and the rate as they are now.
  const taxFor = await taxOfSale(tx, subscription.accountId, deps.clock.now());
  const tax = taxFor(subscription.plan.taxCategory);
  const totals = lineTotals(unitPrice, 1, tax.rate);
  const alias = subscription.account.resellerStorefront?.alias;
  const what = prorated
    ? `Until the cancellation, ${prorated.usedDays} of the period's ${prorated.periodDays} days`
    : "Renewal";
  const invoice = await issueInvoice(tx, deps, {
    kind: "INVOICE",
    accountId: subscription.accountId,
    orderId: null,
    currency: subscription.currency,
    totals,
    lines: [
      {
        description: planLineName(subscription.plan.name),
        detail: `${what} · ${periodText(period.start, period.end, period.timeZone)}${alias ? ` · Storefront alias “${alias}”` : ""}`,
        quantity: 1,
        unitPrice,
        taxRate: tax.rate,
        taxRegime: tax.regime,
        assetId: null,
        ...totals,
      },
    ],
  });
  return invoice.id;
}
