import type { BackgroundArea } from "../jobs/background-area.ts";
import { runPeriodically } from "../jobs/periodic-job.ts";
import { deliverWebhook } from "./deliver-webhook.ts";
import { dispatchDueWebhooks } from "./dispatch-due-webhooks.ts";
import {
  DELIVER_WEBHOOK_QUEUE,
  deliverWebhookQueue,
  DISPATCH_WEBHOOKS_QUEUE,
  dispatchWebhooksQueue,
  type DeliverWebhookJob,
} from "./webhook-queue.ts";

/** Two workers of 8 concurrent requests each: one slow receiver (10 s timeout) does not hold up the others. */
const WORKERS = 2;

/**
 * Webhooks in the background: the first attempt of each delivery is a job
 * written with the event; every minute the dispatcher enqueues the
 * deliveries that are due again (retries after their backoff, and anything
 * whose job or worker was lost).
 */
export const webhooksArea: BackgroundArea = {
  queues: [deliverWebhookQueue, dispatchWebhooksQueue],
  async start(deps, queue, options) {
    if (options.exclusive) {
      // A lease held by a crashed run of this same process: free it now (its request may have arrived: at-least-once).
      const { count } = await deps.db.webhookDelivery.updateMany({
        where: { status: "PENDING", lockedUntil: { not: null } },
        data: { lockedUntil: null },
      });
      if (count > 0) deps.logger.info({ count }, "webhook leases of a previous run released");
    }
    for (let worker = 0; worker < WORKERS; worker += 1) {
      await queue.work<DeliverWebhookJob>(
        DELIVER_WEBHOOK_QUEUE,
        { batchSize: 8, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          await Promise.all(jobs.map((job) => deliverWebhook(deps, job.data.deliveryId)));
        },
      );
    }
    await runPeriodically(queue, DISPATCH_WEBHOOKS_QUEUE, "* * * * *", async () => {
      await dispatchDueWebhooks(deps);
    });
  },
};
