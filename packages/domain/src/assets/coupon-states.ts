import type { CouponState as StoredState } from "@cm/db";
import type { BitTitanCoupon, CouponState as VendorState } from "@cm/provisioning";

/** BitTitan's coupon states in this system's words ("revoked" is our "cancelled"). */
export const STORED_STATE: Record<VendorState, StoredState> = {
  active: "ACTIVE",
  redeemed: "REDEEMED",
  expired: "EXPIRED",
  revoked: "CANCELLED",
};

/**
 * The asset columns of an asset that holds `coupon` from now on, however it got
 * it (created, found at BitTitan, attached by hand): SYNCHRONIZED, the coupon's
 * facts, and what was left of failed attempts cleared.
 */
export function holdingCoupon(coupon: BitTitanCoupon, now: Date) {
  return {
    syncStatus: "SYNCHRONIZED" as const,
    syncError: null,
    syncFailureCode: null,
    nextSyncAt: null,
    couponCode: coupon.code,
    couponState: STORED_STATE[coupon.state],
    couponExpiresAt: new Date(coupon.expiresAt),
    couponCheckedAt: now,
    portalUrl: coupon.portalUrl,
    partnerId: coupon.partnerId,
  };
}
