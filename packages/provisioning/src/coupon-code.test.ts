import { describe, expect, it } from "vitest";
import { isCouponCodeFormat, normalizeCouponCode } from "./coupon-code.ts";

describe("coupon code format", () => {
  it("accepts vendor-style codes, forgiving case and surrounding spaces", () => {
    expect(isCouponCodeFormat("MW-7KQP-3XHD-N2RA")).toBe(true);
    expect(isCouponCodeFormat("  mw-7kqp-3xhd-n2ra ")).toBe(true);
    expect(normalizeCouponCode("  mw-7kqp-3xhd-n2ra ")).toBe("MW-7KQP-3XHD-N2RA");
  });

  it("rejects look-alike characters and wrong shapes", () => {
    for (const code of [
      "MW-0KQP-3XHD-N2RA",
      "MW-OKQP-3XHD-N2RA",
      "MW-1KQP-3XHD-N2RA",
      "MW-IKQP-3XHD-N2RA",
      "MW-LKQP-3XHD-N2RA",
    ]) {
      expect(isCouponCodeFormat(code)).toBe(false);
    }
    for (const code of ["", "MW-7KQP-3XHD", "XX-7KQP-3XHD-N2RA", "MW-7KQP-3XHD-N2RA-AAAA", "MW7KQP3XHDN2RA"]) {
      expect(isCouponCodeFormat(code)).toBe(false);
    }
  });
});
