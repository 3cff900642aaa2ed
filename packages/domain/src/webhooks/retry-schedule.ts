import { createHash } from "node:crypto";

/** A delivery is retried for this long after its event, then FAILED. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 4 * 60 * 60 * 1000;
/** Each delay is moved by up to this share either way, so endpoints that failed together are not retried together. */
const JITTER = 0.1;

/** The wait after failed attempt `attempt` before jitter. */
export const nominalWebhookRetryDelayMs = (attempt: number) =>
  Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(Math.max(0, attempt - 1), 20));

/**
 * The wait after failed attempt `attempt` (1 = the first): 1, 2, 4, 8 ... minutes,
 * at most 4 hours, ±10 %. The jitter comes from the delivery id and the attempt
 * number, not a random source, so a delivery's schedule is reproducible (and
 * tests can check it) while different deliveries spread out.
 */
export function webhookRetryDelayMs(deliveryId: string, attempt: number): number {
  const nominal = nominalWebhookRetryDelayMs(attempt);
  const hash = createHash("sha256").update(`${deliveryId}:${attempt}`).digest();
  const unit = hash.readUInt32BE(0) / 0xffffffff;
  return Math.round(nominal * (1 - JITTER + 2 * JITTER * unit));
}

/** The next attempt after a failed one, or null when it would fall past the retry window (the delivery then fails). */
export function nextWebhookAttemptAt(input: {
  deliveryId: string;
  attempt: number;
  now: Date;
  windowStart: Date;
}): Date | null {
  const next = new Date(input.now.getTime() + webhookRetryDelayMs(input.deliveryId, input.attempt));
  return next.getTime() - input.windowStart.getTime() > WEBHOOK_RETRY_WINDOW_MS ? null : next;
}
