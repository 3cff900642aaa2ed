import type { Prisma } from "@cm/db";
import { DomainError } from "../errors.ts";
import { pricePlanLine, type PlanPricedLine, type PlanRequest } from "../plans/price-plan-line.ts";
import { lineAmounts, lineTotals, sumTotals, type LineTotals } from "../shared/money.ts";
import { visibleProductWhere } from "../catalog/visible-products.ts";
import { unitPriceOf, unitPriceSelect } from "../pricing/unit-price.ts";
import { taxOfSale } from "../tax/tax-context.ts";
import type { TaxRegime } from "../tax/tax-regime.ts";

export const MAX_LICENSES_PER_LINE = 10_000;
export const MAX_LINES_PER_ORDER = 50;

/**
 * A basket or order line is one of two kinds: a BitTitan product line (it
 * creates an asset and needs a synchronized buyer) or a reseller plan line (it
 * creates or changes the buyer's plan subscription and carries its Storefront alias).
 */
export type RequestedLine = ({ kind: "product" } & ProductRequest) | ({ kind: "plan" } & PlanRequest);

interface ProductRequest {
  productId: string;
  quantity: number;
  assetName: string | null;
}

export interface ProductPricedLine extends LineTotals {
  kind: "product";
  position: number;
  productId: string;
  productName: string;
  sku: string;
  vendorSkuId: string;
  quantity: number;
  unitPrice: string;
  taxRate: string;
  taxRegime: TaxRegime;
  assetName: string;
  expireDays: number;
  validityDays: number;
}

export type { PlanPricedLine } from "../plans/price-plan-line.ts";
export type PricedLine = ProductPricedLine | PlanPricedLine;

/** A stored basket or order line (exactly one of productId / planId is set) as a request. */
export function requestedLineOf(row: {
  productId: string | null;
  planId: string | null;
  quantity: number;
  assetName: string | null;
  storefrontAlias?: string | null;
}): RequestedLine {
  if (row.planId) return { kind: "plan", planId: row.planId, storefrontAlias: row.storefrontAlias ?? null };
  return { kind: "product", productId: row.productId ?? "", quantity: row.quantity, assetName: row.assetName };
}

export const hasProductLines = (lines: { kind: "product" | "plan" }[]) => lines.some((line) => line.kind === "product");

/**
 * Prices order lines from the catalog on the server (never from the client):
 * each product must be on sale (published, in the Product Group) and priced in
 * the buyer's currency, at the buyer's price (its price list's, else the
 * product's own); quantities are whole licenses within a sane maximum.
 * Plan lines are priced from the plan catalog (one plan per order). Each
 * line's tax is decided by place of supply for the buyer, on the day `at`.
 */
export async function priceLines(
  tx: Prisma.TransactionClient,
  buyer: { id: string; currency: string },
  requested: RequestedLine[],
  at: Date,
): Promise<{ lines: PricedLine[]; totals: LineTotals }> {
  const { currency } = buyer;
  if (requested.length === 0) throw new DomainError("INVALID", "The order has no lines", "lines");
  if (requested.length > MAX_LINES_PER_ORDER)
    throw new DomainError("INVALID", `An order has at most ${MAX_LINES_PER_ORDER} lines`, "lines");
  if (requested.filter((line) => line.kind === "plan").length > 1)
    throw new DomainError("INVALID", "An order can hold one reseller plan", "lines");
  const productIds = requested.flatMap((line) => (line.kind === "product" ? [line.productId] : []));
  const products = await tx.product.findMany({
    where: { ...visibleProductWhere, id: { in: productIds } },
    select: {
      id: true,
      name: true,
      sku: true,
      taxCategory: true,
      expireDaysOverride: true,
      validityDaysOverride: true,
      productType: { select: { skuId: true, expireDays: true, validityDays: true } },
      ...unitPriceSelect({ accountId: buyer.id, currency }),
    },
  });
  const taxFor = await taxOfSale(tx, buyer.id, at);
  const lines: PricedLine[] = [];
  for (const [index, line] of requested.entries()) {
    const field = `lines.${index}`;
    if (line.kind === "plan") {
      lines.push(await pricePlanLine(tx, { currency, taxFor }, line, index + 1, field));
      continue;
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1)
      throw new DomainError("INVALID", "Order at least 1 license", `${field}.quantity`);
    if (line.quantity > MAX_LICENSES_PER_LINE) {
      throw new DomainError(
        "INVALID",
        `At most ${MAX_LICENSES_PER_LINE.toLocaleString("en")} licenses per line`,
        `${field}.quantity`,
      );
    }
    const product = products.find((candidate) => candidate.id === line.productId);
    if (!product) throw new DomainError("INVALID", "That product is not available", `${field}.productId`);
    const unitPrice = unitPriceOf(product);
    if (!unitPrice)
      throw new DomainError("INVALID", `${product.name} is not sold in ${currency}`, `${field}.productId`);
    const tax = taxFor(product.taxCategory);
    lines.push({
      kind: "product",
      position: index + 1,
      productId: product.id,
      productName: product.name,
      sku: product.sku,
      vendorSkuId: product.productType.skuId,
      quantity: line.quantity,
      unitPrice,
      taxRate: tax.rate,
      taxRegime: tax.regime,
      assetName: line.assetName?.trim() || product.name,
      expireDays: product.expireDaysOverride ?? product.productType.expireDays,
      validityDays: product.validityDaysOverride ?? product.productType.validityDays,
      ...lineTotals(unitPrice, line.quantity, tax.rate),
    });
  }
  return { lines, totals: sumTotals(lines) };
}

/** The OrderLine columns of a priced line (drafts and completed orders write the same). */
export function orderLineColumns(line: PricedLine) {
  const common = {
    position: line.position,
    productName: line.productName,
    sku: line.sku,
    ...lineAmounts(line),
    taxRegime: line.taxRegime,
  };
  if (line.kind === "plan") return { ...common, planId: line.planId, storefrontAlias: line.storefrontAlias };
  return {
    ...common,
    productId: line.productId,
    assetName: line.assetName,
    expireDays: line.expireDays,
    validityDays: line.validityDays,
  };
}
