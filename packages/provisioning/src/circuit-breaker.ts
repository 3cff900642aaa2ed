import { BitTitanUnavailableError } from "./errors.ts";

export interface CircuitBreakerOptions {
  /** Consecutive failed calls (BitTitan unreachable, 5xx, 429) that open the circuit. Default 5. */
  failureThreshold?: number;
  /** While open, one call is let through this often to probe whether BitTitan is back. Default 5 000. */
  probeIntervalMs?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** Called with "open" when calls start being refused and "closed" when a call succeeds again. */
  onChange?: (state: "open" | "closed") => void;
}

/**
 * Thrown instead of calling BitTitan while the circuit is open. BitTitan was
 * not asked, so callers that count attempts do not count this one; `retryAt`
 * is when the next probe may go through.
 */
export class BitTitanCircuitOpenError extends BitTitanUnavailableError {
  override readonly name = "BitTitanCircuitOpenError";
  constructor(
    readonly retryAt: Date,
    /** The failure of the probe this caller's call was, if it was one. */
    probeFailure?: Error,
  ) {
    super(
      probeFailure
        ? `BitTitan is still unavailable (${probeFailure.message}); calls are paused and probed every few seconds`
        : "BitTitan is not being called for a few seconds after repeated failures (circuit breaker open)",
      probeFailure ? { cause: probeFailure } : {},
    );
  }
}

/**
 * Stops hammering BitTitan while it is down: after `failureThreshold`
 * consecutive failed calls every call is refused at once, except one probe
 * every `probeIntervalMs`; the first call that gets an answer closes it.
 * One per process and BitTitan connection: a cluster's workers each have their own.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private nextProbeAt = 0;
  private probing = false;
  private readonly failureThreshold: number;
  private readonly probeIntervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 5;
    this.probeIntervalMs = options.probeIntervalMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  get state(): "closed" | "open" {
    return this.openedAt === null ? "closed" : "open";
  }

  /**
   * Asks to make a call. Returns whether this call is the probe of an open
   * circuit; throws BitTitanCircuitOpenError when the call must not be made.
   */
  admit(): { probe: boolean } {
    if (this.openedAt === null) return { probe: false };
    const now = this.now();
    if (this.probing || now < this.nextProbeAt) throw new BitTitanCircuitOpenError(this.nextProbe());
    this.probing = true;
    this.nextProbeAt = now + this.probeIntervalMs;
    return { probe: true };
  }

  /** When the next probe may go through. */
  nextProbe(): Date {
    return new Date(Math.max(this.nextProbeAt, this.now() + 1));
  }

  /** BitTitan answered (any answer that is not an outage: a 2xx, or a 4xx that says no). */
  succeeded(ticket: { probe: boolean }): void {
    if (ticket.probe) this.probing = false;
    this.consecutiveFailures = 0;
    if (this.openedAt !== null) {
      this.openedAt = null;
      this.options.onChange?.("closed");
    }
  }

  /** BitTitan could not be reached, timed out, or answered 5xx / 429 after the client's own retries. */
  failed(ticket: { probe: boolean }): void {
    if (ticket.probe) this.probing = false;
    this.consecutiveFailures += 1;
    if (this.openedAt === null && this.consecutiveFailures >= this.failureThreshold) {
      this.openedAt = this.now();
      this.nextProbeAt = this.openedAt + this.probeIntervalMs;
      this.options.onChange?.("open");
    }
  }
}
