import type { SimState } from "./state.ts";

const DAY_MS = 86_400_000;

/**
 * The simulator's notion of "now": real time plus an offset the admin API can
 * move forward, so tests can expire coupons without waiting. The offset lives
 * in the state so expiry stays consistent across restarts.
 */
export class SimClock {
  constructor(private readonly state: SimState) {}

  now(): Date {
    return new Date(Date.now() + this.state.clockOffsetMs);
  }

  advanceDays(days: number): void {
    this.state.clockOffsetMs += days * DAY_MS;
  }

  offsetDays(): number {
    return this.state.clockOffsetMs / DAY_MS;
  }
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}
