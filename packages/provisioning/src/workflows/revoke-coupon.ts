import type { BitTitanClient } from "../client.ts";
import { BitTitanRejectedError } from "../errors.ts";
import type { BitTitanCoupon } from "../schemas.ts";
import { toFailure, type ProvisioningResult } from "./failure.ts";

/**
 * Cancels a coupon at BitTitan so that a cancellation can be repeated safely:
 * already revoked is success (`alreadyRevoked: true`); redeemed or expired is a
 * refusal with reason `redeemed` / `expired` (nothing to refund at BitTitan).
 */
export async function revokeCouponIdempotently(
  client: BitTitanClient,
  code: string,
): Promise<ProvisioningResult<{ coupon: BitTitanCoupon; alreadyRevoked: boolean }>> {
  try {
    // Looking first tells "already revoked" apart and gives a clear refusal
    // without relying on the wording of the vendor's 409.
    const current = await client.getCoupon(code);
    if (current.state === "revoked") return { ok: true, coupon: current, alreadyRevoked: true };
    if (current.state === "redeemed" || current.state === "expired") return refusal(current);
    return { ok: true, coupon: await client.revokeCoupon(code), alreadyRevoked: false };
  } catch (error) {
    // Redeemed or expired between the look and the revoke.
    if (
      error instanceof BitTitanRejectedError &&
      (error.vendorCode === "coupon_redeemed" || error.vendorCode === "coupon_expired")
    ) {
      const reason = error.vendorCode === "coupon_redeemed" ? "redeemed" : "expired";
      return { ok: false, failure: { reason, message: error.message, retryable: false, error } };
    }
    return toFailure(error);
  }
}

function refusal(coupon: BitTitanCoupon): {
  ok: false;
  failure: { reason: "redeemed" | "expired"; message: string; retryable: false };
} {
  const reason = coupon.state === "redeemed" ? "redeemed" : "expired";
  const message =
    reason === "redeemed"
      ? `Coupon ${coupon.code} has already been redeemed and cannot be cancelled`
      : `Coupon ${coupon.code} has expired and cannot be cancelled`;
  return { ok: false, failure: { reason, message, retryable: false } };
}
