import { Prisma } from "@cm/db";
import { describe, expect, it } from "vitest";
import { unitPriceOf } from "./unit-price.ts";

const price = (amount: string) => ({ unitPrice: new Prisma.Decimal(amount) });

describe("the unit price an account pays", () => {
  it("is its price list's entry when there is one", () => {
    expect(unitPriceOf({ prices: [price("12.35")], priceListEntries: [price("11.1")] })).toBe("11.10");
  });

  it("is the product's own price without an entry", () => {
    expect(unitPriceOf({ prices: [price("12.35")], priceListEntries: [] })).toBe("12.35");
  });

  it("is none when the product is not sold in the account's currency, whatever the list says", () => {
    expect(unitPriceOf({ prices: [], priceListEntries: [price("11.10")] })).toBeNull();
  });

  it("keeps a free list price free", () => {
    expect(unitPriceOf({ prices: [price("12.35")], priceListEntries: [price("0")] })).toBe("0.00");
  });
});
