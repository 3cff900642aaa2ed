export { startSimulator, type RunningSimulator, type SimulatorOptions } from "./server.ts";
export { SKUS, type Sku } from "./skus.ts";
export { COUPON_CODE_PATTERN } from "./coupon-code.ts";
export type { CouponState, CouponView } from "./coupons.ts";
export type { FaultConfig } from "./faults.ts";
export { SimulatorAdmin, type PartnerView } from "./admin-client.ts";
export { watchParent, type SimulatorProcessMessage } from "./parent-watch.ts";
