import type { BitTitanClient, CreateCouponInput } from "../client.ts";
import type { BitTitanCoupon } from "../schemas.ts";
import { toFailure, type ProvisioningResult } from "./failure.ts";

/**
 * Creates the coupon for one purchase. Safe to call again after any failure
 * (a crash, a lost answer, a resync of a failed asset) as long as the same
 * idempotencyKey is passed: BitTitan then returns the coupon it already made.
 */
export async function provisionCoupon(
  client: BitTitanClient,
  input: CreateCouponInput,
): Promise<ProvisioningResult<{ coupon: BitTitanCoupon }>> {
  try {
    return { ok: true, coupon: await client.createCoupon(input) };
  } catch (error) {
    return toFailure(error);
  }
}
