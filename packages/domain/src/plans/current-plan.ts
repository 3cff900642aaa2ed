import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import type { PlanInEffect } from "./plan-rules.ts";
import { businessTimeZone } from "../shared/business-time.ts";

type Db = DomainDeps["db"] | Prisma.TransactionClient;

export interface CurrentPlan {
  /** "BASIC" when no subscription is in effect. */
  code: "BASIC" | PlanInEffect["code"];
  name: string;
  inEffect: (PlanInEffect & { subscriptionId: string }) | null;
  /** The distributor's time zone, the one the plan's days are written in. */
  timeZone: string;
}

export const BASIC_PLAN_NAME = "Basic";

/** The plan a reseller is on: its subscription in effect (Active or Pending Cancellation), else Basic. */
export async function currentPlanOf(db: Db, accountId: string): Promise<CurrentPlan> {
  const subscription = await db.planSubscription.findFirst({
    where: { accountId, status: { in: ["ACTIVE", "PENDING_CANCELLATION"] } },
    select: { id: true, status: true, currentPeriodEnd: true, plan: { select: { code: true, name: true } } },
  });
  const timeZone = await businessTimeZone(db);
  if (!subscription || subscription.status === "CANCELLED")
    return { code: "BASIC", name: BASIC_PLAN_NAME, inEffect: null, timeZone };
  return {
    code: subscription.plan.code,
    name: subscription.plan.name,
    inEffect: {
      subscriptionId: subscription.id,
      code: subscription.plan.code,
      name: subscription.plan.name,
      status: subscription.status,
      currentPeriodEnd: subscription.currentPeriodEnd,
      timeZone,
    },
    timeZone,
  };
}

/**
 * Serializes plan changes of one account (two checkouts, a checkout and a
 * BSS execution, a cancellation and the period-end job): a row lock on the
 * account. NO KEY UPDATE, so rows inserted for the account (orders, invoices)
 * in other transactions do not wait for it, nor deadlock with it.
 */
export async function lockAccountPlan(tx: Prisma.TransactionClient, accountId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Account" WHERE "id" = ${accountId}::uuid FOR NO KEY UPDATE`;
}
