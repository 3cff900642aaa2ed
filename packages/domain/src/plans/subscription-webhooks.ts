import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event.ts";

/**
 * `subscription.cancelled`: emitted when a subscription ends (status
 * CANCELLED: at the end of the period after "Cancel", or replaced by an
 * upgrade), in that transaction. A cancellation request that leaves it
 * Pending Cancellation until the period ends is not this event.
 */
export async function emitSubscriptionCancelled(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  subscriptionId: string,
): Promise<void> {
  await emitWebhookEvent(tx, deps, {
    type: "subscription.cancelled",
    eventKey: `subscription.cancelled:${subscriptionId}`,
    data: async () => {
      const subscription = await tx.planSubscription.findUniqueOrThrow({
        where: { id: subscriptionId },
        select: {
          accountId: true,
          status: true,
          endedAt: true,
          endReason: true,
          cancelRequestedAt: true,
          plan: { select: { code: true, name: true } },
        },
      });
      return {
        subscriptionId,
        accountId: subscription.accountId,
        planCode: subscription.plan.code,
        planName: subscription.plan.name,
        status: subscription.status,
        endReason: subscription.endReason,
        cancelRequestedAt: subscription.cancelRequestedAt?.toISOString() ?? null,
        endedAt: subscription.endedAt?.toISOString() ?? null,
      };
    },
  });
}
