import { describe, expect, it } from "vitest";
import { COUPON_ALPHABET, COUPON_CODE_PATTERN, generateCouponCode, normalizeCouponCode } from "./coupon-code.ts";

describe("coupon codes", () => {
  it("look like vendor codes and avoid look-alike characters", () => {
    for (let sample = 0; sample < 500; sample += 1) {
      const code = generateCouponCode();
      expect(code).toMatch(COUPON_CODE_PATTERN);
      expect(code.slice(3)).not.toMatch(/[01OIL]/);
    }
    expect(COUPON_ALPHABET).toHaveLength(31);
  });

  it("are built from the random source, so each character is reachable", () => {
    let next = 0;
    const cycling = (max: number): number => next++ % max;
    expect(generateCouponCode(cycling)).toBe("MW-ABCD-EFGH-JKMN");
  });

  it("are essentially unique", () => {
    const codes = new Set(Array.from({ length: 5_000 }, () => generateCouponCode()));
    expect(codes.size).toBe(5_000);
  });

  it("are normalised for lookups", () => {
    expect(normalizeCouponCode(" mw-abcd-efgh-jkmn\n")).toBe("MW-ABCD-EFGH-JKMN");
  });
});
