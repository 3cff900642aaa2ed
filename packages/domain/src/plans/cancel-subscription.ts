import { actorOf, type Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { lockAccountPlan } from "./current-plan.ts";
import { getSubscription, subscriptionScopeFor } from "./list-subscriptions.ts";
import { cancelOverdueSubscription } from "./process-plan-periods.ts";
import type { SubscriptionDetailDto } from "./subscription-dto.ts";

/**
 * "Cancel the subscription": it becomes Pending Cancellation and keeps
 * working to the end of the paid period, when the period-end job cancels it
 * and the reseller returns to Basic. Asked after the period ended but before
 * the job renewed it, it ends now, the days since invoiced
 * (`cancelOverdueSubscription`). Cancelling again is a no-op.
 */
export async function cancelSubscription(deps: DomainDeps, caller: Caller, id: string): Promise<SubscriptionDetailDto> {
  const input = { id, actor: actorOf(caller) };
  await deps.db.$transaction(async (tx) => {
    const found = await tx.planSubscription.findFirst({
      where: { id: input.id, ...subscriptionScopeFor(caller) },
      select: { accountId: true },
    });
    if (!found) throw notFound("The subscription");
    await lockAccountPlan(tx, found.accountId);
    const subscription = await tx.planSubscription.findUniqueOrThrow({
      where: { id: input.id },
      select: { status: true, currentPeriodEnd: true },
    });
    if (subscription.status !== "ACTIVE") return;
    const now = deps.clock.now();
    if (subscription.currentPeriodEnd <= now) {
      await cancelOverdueSubscription(tx, deps, { id: input.id, actor: input.actor, now });
      return;
    }
    await tx.planSubscription.update({
      where: { id: input.id },
      data: {
        status: "PENDING_CANCELLATION",
        cancelRequestedAt: now,
        events: {
          create: {
            at: now,
            actor: input.actor,
            kind: "cancellation-requested",
            fromStatus: "ACTIVE",
            toStatus: "PENDING_CANCELLATION",
            detail: { endsAt: subscription.currentPeriodEnd.toISOString() },
          },
        },
      },
    });
  });
  return getSubscription(deps, caller, input.id);
}
