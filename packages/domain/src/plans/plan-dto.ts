import type { PlanCode, Prisma, TaxCategory } from "@cm/db";
import { lineTotals } from "../shared/money.ts";
import type { LineTax } from "../tax/tax-context.ts";
import type { TaxRegime } from "../tax/tax-regime.ts";

/** A plan as staff edit it (BSS > Catalog > Reseller plans). */
export interface PlanDto {
  id: string;
  code: PlanCode;
  name: string;
  description: string;
  features: string[];
  taxCategory: TaxCategory;
  billingPeriodMonths: number;
  published: boolean;
  prices: { currency: string; unitPrice: string }[];
  updatedAt: Date;
}

/** A plan as a reseller sees it on the Reseller Plans page, in its currency. */
export interface ShopPlanDto {
  id: string;
  code: PlanCode;
  name: string;
  description: string;
  features: string[];
  billingPeriodMonths: number;
  currency: string;
  /** Per billing period, excluding tax; null when not sold in the reseller's currency. */
  unitPrice: string | null;
  /** For this reseller (place of supply): the rate and why. */
  taxRate: string;
  taxRegime: TaxRegime;
  unitGross: string | null;
}

export const planSelect = {
  id: true,
  code: true,
  name: true,
  description: true,
  features: true,
  taxCategory: true,
  billingPeriodMonths: true,
  published: true,
  updatedAt: true,
  prices: { select: { currency: true, unitPrice: true }, orderBy: { currency: "asc" } },
} satisfies Prisma.PlanSelect;

type PlanRow = Prisma.PlanGetPayload<{ select: typeof planSelect }>;

export function toPlan(row: PlanRow): PlanDto {
  return {
    ...row,
    prices: row.prices.map((price) => ({ currency: price.currency, unitPrice: price.unitPrice.toFixed(2) })),
  };
}

export function toShopPlan(row: PlanRow, currency: string, taxFor: LineTax): ShopPlanDto {
  const price = row.prices.find((candidate) => candidate.currency === currency)?.unitPrice.toFixed(2) ?? null;
  const tax = taxFor(row.taxCategory);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    features: row.features,
    billingPeriodMonths: row.billingPeriodMonths,
    currency,
    unitPrice: price,
    taxRate: tax.rate,
    taxRegime: tax.regime,
    unitGross: price ? lineTotals(price, 1, tax.rate).gross : null,
  };
}
