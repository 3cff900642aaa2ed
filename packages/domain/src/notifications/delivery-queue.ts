import type { QueueDefinition } from "@cm/db";

/** One job per delivery attempt of an EmailMessage: `{ emailMessageId }`. */
export const DELIVER_EMAIL_QUEUE = "notifications.deliver";

/** Every five minutes: finds queued emails whose delivery job was lost (sweep-stuck-emails.ts). */
export const SWEEP_STUCK_EMAILS_QUEUE = "notifications.sweep-stuck";

export interface DeliverEmailJob {
  emailMessageId: string;
}

/**
 * SMTP failures are retried by the worker itself (capped backoff, see
 * @cm/notifications backoff.ts) with a new delayed job; pg-boss's own retries
 * only cover the unexpected (the database failing mid-job, a crash). A job
 * whose process died expires after 30 s and runs again; the message's lease
 * (deliver-email.ts, renewed while a living worker sends) keeps it from being
 * sent twice at once.
 */
export const deliverEmailQueue: QueueDefinition = {
  name: DELIVER_EMAIL_QUEUE,
  retryLimit: 30,
  retryDelaySeconds: 10,
  retryBackoff: false,
  expireInSeconds: 30,
};

export const sweepStuckEmailsQueue: QueueDefinition = {
  name: SWEEP_STUCK_EMAILS_QUEUE,
  retryLimit: 1,
  retryDelaySeconds: 60,
  retryBackoff: false,
  expireInSeconds: 300,
};
