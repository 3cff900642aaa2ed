import { describe, expect, it } from "vitest";
import { lineTotals, negate, sumTotals, toCents } from "./money.ts";

describe("line totals", () => {
  it("computes net, tax and gross to the cent", () => {
    expect(lineTotals("12.00", 3, "24")).toEqual({ net: "36.00", tax: "8.64", gross: "44.64" });
  });

  it("rounds tax half up per line", () => {
    // 0.05 × 21% = 0.0105 -> 0.01; 0.10 × 5% = 0.005 -> 0.01 (half up)
    expect(lineTotals("0.05", 1, "21")).toEqual({ net: "0.05", tax: "0.01", gross: "0.06" });
    expect(lineTotals("0.10", 1, "5")).toEqual({ net: "0.10", tax: "0.01", gross: "0.11" });
  });

  it("never drifts like floating point does", () => {
    // 0.1 + 0.2 style trap: 19.99 × 7 at 19% VAT
    expect(lineTotals("19.99", 7, "19")).toEqual({ net: "139.93", tax: "26.59", gross: "166.52" });
    expect(lineTotals("33.33", 3, "23")).toEqual({ net: "99.99", tax: "23.00", gross: "122.99" });
    expect(lineTotals("1.15", 9999, "7.7")).toEqual({ net: "11498.85", tax: "885.41", gross: "12384.26" });
  });

  it("handles zero tax and large quantities exactly", () => {
    expect(lineTotals("9999999.99", 10000, "0")).toEqual({
      net: "99999999900.00",
      tax: "0.00",
      gross: "99999999900.00",
    });
  });

  it("refuses fractional or negative quantities", () => {
    expect(() => lineTotals("1.00", 1.5, "0")).toThrow(RangeError);
    expect(() => lineTotals("1.00", -1, "0")).toThrow(RangeError);
  });

  it("sums and negates document totals", () => {
    const total = sumTotals([lineTotals("10.00", 1, "24"), lineTotals("0.99", 3, "24")]);
    expect(total).toEqual({ net: "12.97", tax: "3.11", gross: "16.08" });
    expect(negate(total)).toEqual({ net: "-12.97", tax: "-3.11", gross: "-16.08" });
    expect(toCents("2.005")).toBe("2.01");
  });
});
