import type { QueueDefinition } from "@cm/db";

/** One job per delivery attempt: `{ deliveryId }`. */
export const DELIVER_WEBHOOK_QUEUE = "webhooks.deliver";

/** Every minute: hands the deliveries that are due (retries, lost jobs, a dead worker's) to the workers. */
export const DISPATCH_WEBHOOKS_QUEUE = "webhooks.dispatch-due";

export interface DeliverWebhookJob {
  deliveryId: string;
}

/**
 * A failed attempt is not retried by pg-boss: the delivery records when its
 * next attempt is due and the dispatcher enqueues it then. pg-boss's own
 * retries only cover the unexpected (the database failing mid-job); a job
 * whose process died expires after 30 s (the request itself is bounded by
 * its 10 s timeout).
 */
export const deliverWebhookQueue: QueueDefinition = {
  name: DELIVER_WEBHOOK_QUEUE,
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: false,
  expireInSeconds: 30,
};

export const dispatchWebhooksQueue: QueueDefinition = {
  name: DISPATCH_WEBHOOKS_QUEUE,
  retryLimit: 1,
  retryDelaySeconds: 30,
  retryBackoff: false,
  expireInSeconds: 120,
};
