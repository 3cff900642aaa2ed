import { describe, expect, it } from "vitest";
import { formatDecimal, formatMoney, formatQuantity, formatTaxRate } from "./format-amount.ts";

describe("formatDecimal", () => {
  it.each([
    ["0", "0.00"],
    ["5", "5.00"],
    ["1234.5", "1,234.50"],
    ["1234.50", "1,234.50"],
    ["999.99", "999.99"],
    ["1000", "1,000.00"],
    ["1234567.89", "1,234,567.89"],
    ["-12.00", "-12.00"],
    ["-1234567.8", "-1,234,567.80"],
    ["+42.1", "42.10"],
    ["0007.10", "7.10"],
    ["  19.99 ", "19.99"],
  ])("formats %s as %s", (input, expected) => {
    expect(formatDecimal(input)).toBe(expected);
  });

  it("keeps every digit of amounts a float could not hold", () => {
    expect(formatDecimal("12345678901234567.89")).toBe("12,345,678,901,234,567.89");
    expect(formatDecimal("-90071992547409931.01")).toBe("-90,071,992,547,409,931.01");
  });

  it("rounds extra digits half away from zero, exactly (2.675 is 2.67 in floating point)", () => {
    expect(formatDecimal("2.675")).toBe("2.68");
    expect(formatDecimal("1.005")).toBe("1.01");
    expect(formatDecimal("2.674999")).toBe("2.67");
    expect(formatDecimal("-2.675")).toBe("-2.68");
    expect(formatDecimal("999.995")).toBe("1,000.00");
    expect(formatDecimal("-999.995")).toBe("-1,000.00");
  });

  it("never prints a negative zero", () => {
    expect(formatDecimal("-0")).toBe("0.00");
    expect(formatDecimal("-0.00")).toBe("0.00");
    expect(formatDecimal("-0.004")).toBe("0.00");
    expect(formatDecimal("-0.005")).toBe("-0.01");
  });

  it("shows up to the requested precision, trimming only zeros beyond the minimum", () => {
    expect(formatDecimal("12.3456", { maxFractionDigits: 4 })).toBe("12.3456");
    expect(formatDecimal("12.3400", { maxFractionDigits: 4 })).toBe("12.34");
    expect(formatDecimal("12.34567", { maxFractionDigits: 4 })).toBe("12.3457");
    expect(formatDecimal("1234.5", { minFractionDigits: 0, maxFractionDigits: 0 })).toBe("1,235");
    expect(formatDecimal("19.00", { minFractionDigits: 0 })).toBe("19");
  });

  it.each(["", "abc", "1,234.50", "12.", ".5", "1e3", "--1", "NaN", "Infinity", "1 000"])("rejects %j", (input) => {
    expect(() => formatDecimal(input)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("appends the ISO 4217 code", () => {
    expect(formatMoney("1234.5", "EUR")).toBe("1,234.50 EUR");
    expect(formatMoney("-12", "usd")).toBe("-12.00 USD");
    expect(formatMoney("0.00", "CHF")).toBe("0.00 CHF");
  });

  it("rejects something that is not a currency code", () => {
    expect(() => formatMoney("1.00", "€")).toThrow(RangeError);
    expect(() => formatMoney("1.00", "EURO")).toThrow(RangeError);
  });
});

describe("formatTaxRate and formatQuantity", () => {
  it("prints tax percentages without needless zeros", () => {
    expect(formatTaxRate("19.00")).toBe("19%");
    expect(formatTaxRate("7.50")).toBe("7.5%");
    expect(formatTaxRate("0")).toBe("0%");
    expect(formatTaxRate("8.125")).toBe("8.13%");
  });

  it("prints quantities with separators", () => {
    expect(formatQuantity(3)).toBe("3");
    expect(formatQuantity(12500)).toBe("12,500");
    expect(formatQuantity(-2)).toBe("-2");
    expect(formatQuantity(1.5)).toBe("1.5");
    expect(() => formatQuantity(Number.NaN)).toThrow(RangeError);
  });
});
