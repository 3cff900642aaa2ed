import { describe, expect, it } from "vitest";
import { applyMarkup } from "./markup.ts";

describe("storefront markups", () => {
  it("adds the percent to the distributor's price, in exact decimals rounded half-up to cents", () => {
    expect(applyMarkup("12.00", "25")).toBe("15.00");
    expect(applyMarkup("12.00", "0")).toBe("12.00");
    expect(applyMarkup("12.35", "10")).toBe("13.59");
    expect(applyMarkup("0.10", "5")).toBe("0.11");
    expect(applyMarkup("15.00", "33.33")).toBe("20.00");
    expect(applyMarkup("1000000.00", "999.99")).toBe("10999900.00");
  });
});
