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
  /** The link an end-customer opens to redeem a coupon. */
  portalUrl(code: string): string;
}
