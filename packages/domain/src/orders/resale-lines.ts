import type { Prisma } from "@cm/db";
import type { StorefrontContext } from "../callers.ts";
import { DomainError } from "../errors.ts";
import { lineTotals, sumTotals, type LineTotals } from "../shared/money.ts";
import { storefrontPricing } from "../pricing/storefront-price.ts";
import { taxOfSale } from "../tax/tax-context.ts";
import type { TaxRegime } from "../tax/tax-regime.ts";
import type { PricedLine } from "./price-lines.ts";

/** A line of a two-tier order as the reseller sells it to its end-customer. */
export interface ResaleLine extends LineTotals {
  position: number;
  unitPrice: string;
  taxRate: string;
  taxRegime: TaxRegime;
}

export interface Resale {
  storefront: StorefrontContext;
  lines: ResaleLine[];
  totals: LineTotals;
}

/**
 * The reseller's side of a two-tier order, from the lines priced at what the
 * reseller pays (`priced`): each at the storefront price for this end-customer
 * (storefrontPricing: its special price, else the price plus the markup),
 * taxed by place of supply from the reseller's country to the end-customer's.
 * Only BitTitan licenses are sold at a storefront.
 */
export async function priceResale(
  tx: Prisma.TransactionClient,
  storefront: StorefrontContext,
  endCustomerAccountId: string,
  priced: PricedLine[],
  at: Date,
): Promise<Resale> {
  const productIds = priced.flatMap((line) => (line.kind === "product" ? [line.productId] : []));
  if (productIds.length !== priced.length)
    throw new DomainError("INVALID", "Only BitTitan licenses can be ordered at this storefront", "lines");
  const [priceOf, taxFor, products] = await Promise.all([
    storefrontPricing(tx, storefront, endCustomerAccountId, productIds),
    taxOfSale(tx, endCustomerAccountId, at, storefront.accountId),
    tx.product.findMany({ where: { id: { in: productIds } }, select: { id: true, taxCategory: true } }),
  ]);
  const lines = priced.map((line): ResaleLine => {
    const product = line.kind === "product" ? products.find((candidate) => candidate.id === line.productId) : null;
    const unitPrice = line.kind === "product" ? priceOf(line.productId, line.unitPrice) : null;
    if (!product || !unitPrice) throw new Error(`line ${line.position} has no storefront price`);
    const tax = taxFor(product.taxCategory);
    return {
      position: line.position,
      unitPrice,
      taxRate: tax.rate,
      taxRegime: tax.regime,
      ...lineTotals(unitPrice, line.quantity, tax.rate),
    };
  });
  return { storefront, lines, totals: sumTotals(lines) };
}
