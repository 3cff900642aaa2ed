import type { Prisma } from "@cm/db";

/** Whose price: the account that pays (the buyer), in its currency. */
export interface PricedFor {
  accountId: string;
  currency: string;
}

/**
 * The one pricing rule, for every path that shows or charges a product's price
 * (Storefront catalog and product page, basket, checkout, BSS orders, a
 * reseller's storefront settings): the account's price list entry for the
 * product when its price list has one, else the product's own price in the
 * account's currency. A product without its own price in that currency is not
 * sold in it, whatever a list says. Spread into a product `select`, then read
 * the row with `unitPriceOf`.
 */
export function unitPriceSelect(buyer: PricedFor) {
  return {
    prices: { where: { currency: buyer.currency }, select: { unitPrice: true } },
    priceListEntries: {
      where: { priceList: { currency: buyer.currency, accounts: { some: { id: buyer.accountId } } } },
      select: { unitPrice: true },
    },
  } satisfies Prisma.ProductSelect;
}

export interface UnitPriceRow {
  prices: { unitPrice: Prisma.Decimal }[];
  priceListEntries: { unitPrice: Prisma.Decimal }[];
}

/** The unit price ("12.35") a row selected with `unitPriceSelect` comes to; null: not sold in the currency. */
export function unitPriceOf(row: UnitPriceRow): string | null {
  const own = row.prices[0];
  if (!own) return null;
  return (row.priceListEntries[0] ?? own).unitPrice.toFixed(2);
}
