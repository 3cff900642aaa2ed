import type { SimClock } from "./clock.ts";
import type { FaultController } from "./faults.ts";
import type { Store } from "./store.ts";

/** What every route needs; built once per simulator instance. */
export interface SimContext {
  store: Store;
  clock: SimClock;
  faults: FaultController;
  apiKey: string;
  adminToken: string | undefined;
  /** How long a coupon-creation Idempotency-Key is remembered (real time). */
  idempotencyRetentionMs: number;
  /** Real time in ms (Date.now), which key retention is counted in; tests pass their own. */
  realNow(): number;
  /** The link an end-customer opens to redeem a coupon. */
  portalUrl(code: string): string;
}
