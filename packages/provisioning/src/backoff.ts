export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** No single wait grows past this. */
  maxMs: number;
  /** In [0, 1); injectable so tests can pin the jitter. */
  random?: () => number;
}

/**
 * Wait before retry number `attempt` (1 = after the first failure):
 * exponential growth with "equal jitter", i.e. between half and all of
 * base * 2^(attempt-1). The jitter keeps many clients that failed together
 * from retrying together; the floor keeps each wait meaningful.
 */
export function computeBackoffMs(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
