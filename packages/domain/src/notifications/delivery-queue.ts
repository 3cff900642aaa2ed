import type { QueueDefinition } from "@cm/db";

/** One job per delivery attempt of an EmailMessage: `{ emailMessageId }`. */
export const DELIVER_EMAIL_QUEUE = "notifications.deliver";

export interface DeliverEmailJob {
  emailMessageId: string;
}

/**
 * SMTP failures are retried by the worker itself (capped backoff, see
 * @cm/notifications backoff.ts) with a new delayed job; pg-boss's own retries
 * only cover the unexpected (the database failing mid-job, a crash).
 */
export const deliverEmailQueue: QueueDefinition = {
  name: DELIVER_EMAIL_QUEUE,
  retryLimit: 30,
  retryDelaySeconds: 10,
  retryBackoff: false,
  expireInSeconds: 300,
};
