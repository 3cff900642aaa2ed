/**
 * The outbox's delivery queue: its rows are the EmailMessage rows themselves
 * (QUEUED, due, not leased), claimed by `claimDueEmails`; this is the name the
 * job queue wakes and drains it by (`notify`, `drain`). Nothing else is
 * enqueued for an email, so there is no job to lose.
 */
export const DELIVER_EMAIL_QUEUE = "notifications.deliver";

/**
 * Queues no longer used: the five-minute sweep that gave queued emails whose
 * pg-boss delivery job was lost a new one (the rows are the queue now).
 */
export const RETIRED_NOTIFICATION_QUEUES = ["notifications.sweep-stuck"];
