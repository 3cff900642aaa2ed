import type { PlanCode, Prisma } from "@cm/db";
import { lineTotals } from "../shared/money.ts";

/** A plan as staff edit it (BSS > Catalog > Reseller plans). */
export interface PlanDto {
  id: string;
  code: PlanCode;
  name: string;
  description: string;
  features: string[];
  taxRate: string;
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
  taxRate: string;
  unitGross: string | null;
}

export const planSelect = {
  id: true,
  code: true,
  name: true,
  description: true,
  features: true,
  taxRate: true,
  billingPeriodMonths: true,
  published: true,
  updatedAt: true,
  prices: { select: { currency: true, unitPrice: true }, orderBy: { currency: "asc" } },
} satisfies Prisma.PlanSelect;

type PlanRow = Prisma.PlanGetPayload<{ select: typeof planSelect }>;

export function toPlan(row: PlanRow): PlanDto {
  return {
    ...row,
    taxRate: row.taxRate.toFixed(2),
    prices: row.prices.map((price) => ({ currency: price.currency, unitPrice: price.unitPrice.toFixed(2) })),
  };
}

export function toShopPlan(row: PlanRow, currency: string): ShopPlanDto {
  const price = row.prices.find((candidate) => candidate.currency === currency)?.unitPrice.toFixed(2) ?? null;
  const taxRate = row.taxRate.toFixed(2);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    features: row.features,
    billingPeriodMonths: row.billingPeriodMonths,
    currency,
    unitPrice: price,
    taxRate,
    unitGross: price ? lineTotals(price, 1, taxRate).gross : null,
  };
}
