import type { Prisma } from "@cm/db";
import { actorOf, type StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { executeDraftOrder } from "./bss-orders.ts";
import { orderLineColumns, priceLines } from "./price-lines.ts";
import { getSubscription } from "../plans/list-subscriptions.ts";
import type { SubscriptionDetailDto } from "../plans/subscription-dto.ts";

type Tx = Prisma.TransactionClient;

/** A Free subscription still in effect, with the Standard plan priced for its account (net, tax, gross). */
async function upgradable(tx: Tx, id: string, at: Date) {
  const subscription = await tx.planSubscription.findUnique({
    where: { id },
    select: {
      status: true,
      accountId: true,
      plan: { select: { code: true } },
      account: { select: { currency: true, resellerStorefront: { select: { alias: true } } } },
    },
  });
  if (!subscription) throw notFound("The subscription");
  if (subscription.plan.code !== "FREE" || subscription.status === "CANCELLED") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "Only a Free subscription that is still in effect can be upgraded to Standard",
    );
  }
  const standard = await tx.plan.findUnique({
    where: { code: "STANDARD" },
    select: { id: true, name: true, billingPeriodMonths: true },
  });
  if (!standard) throw new DomainError("PRECONDITION_FAILED", "There is no Standard plan in the catalog");
  const priced = await priceLines(
    tx,
    { id: subscription.accountId, currency: subscription.account.currency },
    [{ kind: "plan", planId: standard.id, storefrontAlias: subscription.account.resellerStorefront?.alias ?? null }],
    at,
  );
  return { subscription, standard, priced };
}

/** What "Upgrade" will do, for the confirmation: the plan it starts and what its first period costs. */
export interface UpgradeQuoteDto {
  planName: string;
  billingPeriodMonths: number;
  currency: string;
  net: string;
  tax: string;
  gross: string;
}

export async function upgradeQuote(deps: DomainDeps, id: string): Promise<UpgradeQuoteDto> {
  return deps.db.$transaction(async (tx) => {
    const { subscription, standard, priced } = await upgradable(tx, id, deps.clock.now());
    return {
      planName: standard.name,
      billingPeriodMonths: standard.billingPeriodMonths,
      currency: subscription.account.currency,
      ...priced.totals,
    };
  });
}

/**
 * The BSS "Upgrade" shortcut on a Free subscription: an order for the Standard
 * plan with the reseller's alias, executed at once (one transaction), through
 * the same completion as any order. Returns the new Standard subscription.
 */
export async function upgradeSubscription(
  deps: DomainDeps,
  staff: StaffCaller,
  id: string,
): Promise<SubscriptionDetailDto> {
  const subscriptionId = await deps.db.$transaction(async (tx) => {
    const { subscription, priced } = await upgradable(tx, id, deps.clock.now());
    const order = await tx.order.create({
      data: {
        channel: "BSS",
        status: "DRAFT",
        accountId: subscription.accountId,
        recipientAccountId: subscription.accountId,
        currency: subscription.account.currency,
        placedByStaffId: staff.userId,
        lines: { create: priced.lines.map(orderLineColumns) },
      },
      select: { id: true },
    });
    await executeDraftOrder(tx, deps, order.id, actorOf(staff));
    const started = await tx.planSubscription.findFirstOrThrow({
      where: { orderLine: { orderId: order.id } },
      select: { id: true },
    });
    return started.id;
  });
  return getSubscription(deps, staff, subscriptionId);
}
