import type { Prisma } from "@cm/db";
import { DomainError } from "../errors.ts";
import { lineTotals, sumTotals, type LineTotals } from "../shared/money.ts";
import { visibleProductWhere } from "../storefront/catalog.ts";

export const MAX_LICENSES_PER_LINE = 10_000;
export const MAX_LINES_PER_ORDER = 50;

export interface RequestedLine {
  productId: string;
  quantity: number;
  assetName: string | null;
}

export interface PricedLine extends LineTotals {
  position: number;
  productId: string;
  productName: string;
  sku: string;
  vendorSkuId: string;
  quantity: number;
  unitPrice: string;
  taxRate: string;
  assetName: string;
  expireDays: number;
  validityDays: number;
}

/**
 * Prices order lines from the catalog on the server (never from the client):
 * each product must be on sale (published, in the Product Group) and priced in
 * the buyer's currency; quantities are whole licenses within a sane maximum.
 */
export async function priceLines(tx: Prisma.TransactionClient, currency: string, requested: RequestedLine[]): Promise<{ lines: PricedLine[]; totals: LineTotals }> {
  if (requested.length === 0) throw new DomainError("INVALID", "The order has no lines", "lines");
  if (requested.length > MAX_LINES_PER_ORDER) throw new DomainError("INVALID", `An order has at most ${MAX_LINES_PER_ORDER} lines`, "lines");
  const products = await tx.product.findMany({
    where: { ...visibleProductWhere, id: { in: requested.map((line) => line.productId) } },
    select: {
      id: true,
      name: true,
      sku: true,
      taxRate: true,
      expireDaysOverride: true,
      validityDaysOverride: true,
      productType: { select: { skuId: true, expireDays: true, validityDays: true } },
      prices: { where: { currency }, select: { unitPrice: true } },
    },
  });
  const lines = requested.map((line, index): PricedLine => {
    const field = `lines.${index}`;
    if (!Number.isInteger(line.quantity) || line.quantity < 1) throw new DomainError("INVALID", "Order at least 1 license", `${field}.quantity`);
    if (line.quantity > MAX_LICENSES_PER_LINE) {
      throw new DomainError("INVALID", `At most ${MAX_LICENSES_PER_LINE.toLocaleString("en")} licenses per line`, `${field}.quantity`);
    }
    const product = products.find((candidate) => candidate.id === line.productId);
    if (!product) throw new DomainError("INVALID", "That product is not available", `${field}.productId`);
    const price = product.prices[0];
    if (!price) throw new DomainError("INVALID", `${product.name} is not sold in ${currency}`, `${field}.productId`);
    const unitPrice = price.unitPrice.toFixed(2);
    const taxRate = product.taxRate.toFixed(2);
    return {
      position: index + 1,
      productId: product.id,
      productName: product.name,
      sku: product.sku,
      vendorSkuId: product.productType.skuId,
      quantity: line.quantity,
      unitPrice,
      taxRate,
      assetName: line.assetName?.trim() || product.name,
      expireDays: product.expireDaysOverride ?? product.productType.expireDays,
      validityDays: product.validityDaysOverride ?? product.productType.validityDays,
      ...lineTotals(unitPrice, line.quantity, taxRate),
    };
  });
  return { lines, totals: sumTotals(lines) };
}
