import type { CouponState as StoredState } from "@cm/db";
import type { CouponState as VendorState } from "@cm/provisioning";

/** BitTitan's coupon states in this system's words ("revoked" is our "cancelled"). */
export const STORED_STATE: Record<VendorState, StoredState> = {
  active: "ACTIVE",
  redeemed: "REDEEMED",
  expired: "EXPIRED",
  revoked: "CANCELLED",
};
