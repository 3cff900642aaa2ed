/** The first retry waits this long; each next one twice as long... */
export const FIRST_RETRY_DELAY_SECONDS = 2;
/** ...but never longer than this, so mail flows soon after the server is back. */
export const MAX_RETRY_DELAY_SECONDS = 60;
/** A message still undelivered this long after it was queued is given up. */
export const MAX_DELIVERY_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/** Seconds to wait after failed attempt number `attempts` (1 = the first): 2, 4, 8, 16, 32, 60, 60... */
export function retryDelaySeconds(attempts: number): number {
  const exponent = Math.min(Math.max(0, attempts - 1), 30);
  return Math.min(MAX_RETRY_DELAY_SECONDS, FIRST_RETRY_DELAY_SECONDS * 2 ** exponent);
}

export type FailureOutcome = { kind: "retry"; delaySeconds: number } | { kind: "give-up"; reason: string };

/** What to do after a failed attempt: retry later, or mark the message failed. */
export function afterFailedAttempt(input: {
  attempts: number;
  queuedAt: Date;
  now: Date;
  permanent: boolean;
}): FailureOutcome {
  if (input.permanent) return { kind: "give-up", reason: "the mail server refused the message permanently" };
  if (input.now.getTime() - input.queuedAt.getTime() >= MAX_DELIVERY_AGE_MS) {
    return { kind: "give-up", reason: "still undelivered 3 days after it was queued" };
  }
  return { kind: "retry", delaySeconds: retryDelaySeconds(input.attempts) };
}
