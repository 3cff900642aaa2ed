import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { queueNotification } from "../notifications/queue-notification.ts";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event.ts";
import { emitSubscriptionCancelled } from "./subscription-webhooks.ts";
import { lockAvailableAlias } from "./check-alias.ts";
import { currentPlanOf, lockAccountPlan } from "./current-plan.ts";
import type { PlanPricedLine } from "./price-plan-line.ts";
import { anchorDayOf, periodEndAfter, periodText } from "./billing-period.ts";
import { opensStorefront, planChangeProblem } from "./plan-rules.ts";
import { storefrontUrl } from "../shared/storefront-url.ts";
import { businessTimeZone } from "../shared/business-time.ts";

type Tx = Prisma.TransactionClient;

export const DEFAULT_STOREFRONT_COLOR = "#0f766e";

/**
 * What executing a plan line does, inside the order's transaction: checks
 * the plan change and the alias again (under locks), gives the reseller its
 * storefront record (new, or reopened with the alias), ends the plan it
 * replaces (Free -> Standard), starts the subscription, and queues the
 * "Welcome to Standard Reseller Storefront" email when Standard opens the storefront.
 */
export async function startSubscription(
  tx: Tx,
  deps: DomainDeps,
  input: { accountId: string; orderLineId: string; line: PlanPricedLine; actor: string; now: Date },
): Promise<{ subscriptionId: string; invoiceDetail: string }> {
  const { line, now, accountId } = input;
  const account = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { kind: true, companyName: true, currency: true },
  });
  if (account.kind !== "RESELLER") throw new DomainError("INVALID", "Reseller plans are for resellers", "accountId");
  await lockAccountPlan(tx, accountId);
  const current = await currentPlanOf(tx, accountId);
  const problem = planChangeProblem(current.inEffect, line.planCode, line.planName);
  if (problem) throw new DomainError("PRECONDITION_FAILED", problem);

  const existing = await tx.resellerStorefront.findUnique({ where: { accountId }, select: { alias: true } });
  const requested = line.storefrontAlias ?? existing?.alias;
  if (!requested) throw new DomainError("INVALID", "Choose the Storefront alias for your plan", "storefrontAlias");
  const alias = await lockAvailableAlias(tx, accountId, requested, "storefrontAlias");
  await tx.resellerStorefront.upsert({
    where: { accountId },
    create: { accountId, alias, displayName: account.companyName, primaryColor: DEFAULT_STOREFRONT_COLOR },
    update: { alias, closedAt: null },
  });

  if (current.inEffect) {
    const replaced = current.inEffect;
    await tx.planSubscription.update({
      where: { id: replaced.subscriptionId },
      data: {
        status: "CANCELLED",
        endedAt: now,
        endReason: "upgraded",
        events: {
          create: {
            at: now,
            actor: input.actor,
            kind: "upgraded",
            fromStatus: replaced.status,
            toStatus: "CANCELLED",
            detail: { to: line.planName },
          },
        },
      },
    });
    await emitSubscriptionCancelled(tx, deps, replaced.subscriptionId);
  }

  // The periods end on the day of the month it starts on, as the distributor's calendar has it.
  const timeZone = await businessTimeZone(tx);
  const anchorDay = anchorDayOf(now, timeZone);
  const periodEnd = periodEndAfter(
    now,
    { billingPeriodMonths: line.billingPeriodMonths, anchorDay, startedAt: now },
    timeZone,
  );
  const subscription = await tx.planSubscription.create({
    data: {
      accountId,
      planId: line.planId,
      status: "ACTIVE",
      orderLineId: input.orderLineId,
      currency: account.currency,
      unitPrice: line.unitPrice,
      billingPeriodMonths: line.billingPeriodMonths,
      startedAt: now,
      anchorDay,
      currentPeriodStart: now,
      currentPeriodEnd: periodEnd,
      events: {
        create: {
          at: now,
          actor: input.actor,
          kind: "created",
          toStatus: "ACTIVE",
          detail: { plan: line.planName, alias, ...(current.inEffect ? { replaces: current.name } : {}) },
        },
      },
    },
    select: { id: true },
  });
  await tx.orderLine.update({ where: { id: input.orderLineId }, data: { storefrontAlias: alias } });
  await emitWebhookEvent(tx, deps, {
    type: "subscription.started",
    eventKey: `subscription.started:${subscription.id}`,
    data: {
      subscriptionId: subscription.id,
      accountId,
      planCode: line.planCode,
      planName: line.planName,
      status: "ACTIVE",
      storefrontAlias: alias,
      currency: account.currency,
      unitPrice: line.unitPrice,
      billingPeriodMonths: line.billingPeriodMonths,
      startedAt: now.toISOString(),
      currentPeriodEnd: periodEnd.toISOString(),
      replacesSubscriptionId: current.inEffect?.subscriptionId ?? null,
    },
  });

  if (opensStorefront(line.planCode)) {
    await queueNotification(tx, deps, {
      template: "welcome-standard-storefront",
      eventKey: `welcome-standard-storefront:${subscription.id}`,
      accountId,
      variables: { reseller_name: account.companyName, alias, storefront_url: storefrontUrl(deps, alias) },
    });
  }
  return {
    subscriptionId: subscription.id,
    invoiceDetail: `${periodText(now, periodEnd, timeZone)} · Storefront alias “${alias}”`,
  };
}

/** The creation event of each new subscription names the invoice that billed it. */
export async function linkSubscriptionInvoice(tx: Tx, subscriptionIds: string[], invoiceId: string): Promise<void> {
  if (subscriptionIds.length === 0) return;
  await tx.subscriptionEvent.updateMany({
    where: { subscriptionId: { in: subscriptionIds }, kind: "created" },
    data: { invoiceId },
  });
}
