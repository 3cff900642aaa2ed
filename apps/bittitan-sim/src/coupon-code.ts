import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud and typed from emails.
export const COUPON_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export const COUPON_CODE_PATTERN = /^MW(-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}){3}$/;

/** A fresh vendor-looking code, e.g. `MW-7KQP-3XHD-N2RA`. */
export function generateCouponCode(random: (max: number) => number = randomInt): string {
  const groups: string[] = [];
  for (let group = 0; group < 3; group += 1) {
    let chars = "";
    for (let index = 0; index < 4; index += 1) {
      chars += COUPON_ALPHABET.charAt(random(COUPON_ALPHABET.length));
    }
    groups.push(chars);
  }
  return `MW-${groups.join("-")}`;
}

/** People paste codes with stray spaces and lower case; lookups forgive both. */
export function normalizeCouponCode(input: string): string {
  return input.trim().toUpperCase();
}
