import { jobIdFrom } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DELIVER_WEBHOOK_QUEUE, type DeliverWebhookJob } from "./webhook-queue.ts";

const BATCH = 500;

/**
 * Enqueues an attempt for every PENDING delivery that is due by the clock and
 * that no worker holds: retries whose backoff is over, a first attempt whose
 * job was lost, and the delivery of a worker that died mid-request (its lease
 * lapsed). Never one whose job is still waiting or running. The job id comes
 * from the delivery and its attempt count, so two dispatchers add one job
 * between them; the lease in `claimWebhookDelivery` still allows one request at a time.
 */
export async function dispatchDueWebhooks(deps: DomainDeps): Promise<{ enqueued: number }> {
  const now = deps.clock.now();
  let enqueued = 0;
  let afterId: string | undefined;
  for (;;) {
    const due = await deps.db.webhookDelivery.findMany({
      where: {
        status: "PENDING",
        nextAttemptAt: { lte: now },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
        ...(afterId ? { id: { gt: afterId } } : {}),
      },
      select: { id: true, attempts: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    const pending = await deps.queue.pendingJobs(
      DELIVER_WEBHOOK_QUEUE,
      "deliveryId",
      due.map((delivery) => delivery.id),
    );
    for (const delivery of due) {
      if (pending.has(delivery.id)) continue;
      const job: DeliverWebhookJob = { deliveryId: delivery.id };
      const id = await deps.queue.send(DELIVER_WEBHOOK_QUEUE, job, {
        id: jobIdFrom(`webhook:${delivery.id}:${delivery.attempts}`),
      });
      if (id) enqueued += 1;
    }
    if (due.length < BATCH) break;
    afterId = due.at(-1)?.id;
  }
  if (enqueued > 0) deps.queue.notify(DELIVER_WEBHOOK_QUEUE);
  return { enqueued };
}
