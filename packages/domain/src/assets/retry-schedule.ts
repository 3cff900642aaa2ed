/** Waits after the 1st, 2nd, ... failed attempt; after the last one, every 30 minutes. */
const SCHEDULE_MS = [10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000];

/**
 * How long to wait after `attemptsMade` failed attempts (1 = after the first):
 * the schedule above, spread by ±20 % jitter so assets that failed together
 * do not retry together, and never sooner than BitTitan's Retry-After.
 */
export function retryDelayMs(
  attemptsMade: number,
  options: { retryAfterMs?: number; random?: () => number } = {},
): number {
  const base = SCHEDULE_MS[Math.min(Math.max(attemptsMade, 1), SCHEDULE_MS.length) - 1] as number;
  const jittered = Math.round(base * (0.8 + 0.4 * (options.random ?? Math.random)()));
  return Math.max(jittered, options.retryAfterMs ?? 0);
}

/** BitTitan forgets an idempotency key 24 hours after its first use; retries must stay well inside. */
export const MAX_PROVISIONING_RETRY_HOURS = 20;
export const DEFAULT_PROVISIONING_RETRY_HOURS = 12;
