/**
 * BitTitan coupon codes as the simulator issues them: `MW-` and three groups
 * of four characters from an alphabet without look-alikes (no 0/O, 1/I/L).
 */
export const COUPON_CODE_PATTERN = /^MW(-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}){3}$/;

/** Codes typed or pasted by people (e.g. attaching a coupon by hand) arrive with spaces and lower case. */
export function normalizeCouponCode(input: string): string {
  return input.trim().toUpperCase();
}

export function isCouponCodeFormat(input: string): boolean {
  return COUPON_CODE_PATTERN.test(normalizeCouponCode(input));
}
