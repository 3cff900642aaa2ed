import type { PlanCode, SubscriptionStatus } from "@cm/db";
import { dayText } from "../shared/business-time.ts";
import { Money } from "../shared/money.ts";

/** Basic is not a plan row: it is a reseller with no subscription in effect. */
export type ResellerPlan = "BASIC" | PlanCode;

export interface PlanInEffect {
  code: PlanCode;
  name: string;
  status: Extract<SubscriptionStatus, "ACTIVE" | "PENDING_CANCELLATION">;
  currentPeriodEnd: Date;
  /** The distributor's: the zone its days are written in. */
  timeZone: string;
}

/**
 * Whether a plan period is invoiced: one priced at zero (the Free plan) is not,
 * at checkout or renewal, so it issues no zero invoice and no "invoice issued" email.
 */
export const invoicesPlanPeriod = (gross: string) => !new Money(gross).isZero();

/**
 * Which plan changes a reseller may buy: Basic -> Free or Standard, Free ->
 * Standard (also while Free is ending). Standard is never bought twice, nor
 * swapped for Free, and a plan that is ending is not bought again before it
 * has ended (that would bill the same weeks twice). Returns the reason, or null.
 */
export function planChangeProblem(current: PlanInEffect | null, target: PlanCode, targetName: string): string | null {
  if (!current) return null;
  if (current.code === "FREE" && target === "STANDARD") return null;
  if (current.code === target) {
    return current.status === "PENDING_CANCELLATION"
      ? `Your ${current.name} plan ends on ${dayText(current.currentPeriodEnd, current.timeZone)}. You can subscribe again once it has ended.`
      : `You are already on the ${current.name} plan.`;
  }
  return `Moving from ${current.name} to ${targetName} is not possible: cancel the ${current.name} subscription, then subscribe to ${targetName} once it has ended.`;
}

/** Only Standard opens the reseller's own Storefront; Free reserves the alias and its settings. */
export const opensStorefront = (plan: ResellerPlan): boolean => plan === "STANDARD";

const TRANSITIONS: Record<SubscriptionStatus, SubscriptionStatus[]> = {
  ACTIVE: ["PENDING_CANCELLATION", "CANCELLED"],
  PENDING_CANCELLATION: ["CANCELLED"],
  CANCELLED: [],
};

/** The subscription state machine: Active -> Pending Cancellation -> Cancelled (an upgrade ends it at once). */
export function canMove(from: SubscriptionStatus, to: SubscriptionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
