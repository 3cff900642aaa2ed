import type { BitTitanClient } from "../client.ts";
import { normalizeCouponCode } from "../coupon-code.ts";
import { BitTitanNotFoundError } from "../errors.ts";
import type { CouponState } from "../schemas.ts";

export type CouponStateReading = CouponState | "not_found";

const LOOKUP_CONCURRENCY = 4;

/**
 * The current state of each known code. BitTitan lists only active coupons,
 * so codes missing from that list are looked up one by one to learn whether
 * they were redeemed, expired or revoked. Keys are the codes as given.
 * BitTitan errors other than "not found" are thrown (no partial answer).
 */
export async function readCouponStates(
  client: BitTitanClient,
  partnerId: string,
  knownCodes: readonly string[],
): Promise<Map<string, CouponStateReading>> {
  const active = new Set((await client.listActiveCoupons(partnerId)).map((coupon) => normalizeCouponCode(coupon.code)));
  const states = new Map<string, CouponStateReading>();
  const unlisted: string[] = [];
  for (const code of new Set(knownCodes)) {
    if (active.has(normalizeCouponCode(code))) states.set(code, "active");
    else unlisted.push(code);
  }

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unlisted.length) {
      const code = unlisted[next];
      next += 1;
      if (code === undefined) return;
      states.set(code, await readOne(client, code));
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, unlisted.length) }, worker));
  return states;
}

async function readOne(client: BitTitanClient, code: string): Promise<CouponStateReading> {
  try {
    return (await client.getCoupon(code)).state;
  } catch (error) {
    if (error instanceof BitTitanNotFoundError) return "not_found";
    throw error;
  }
}
