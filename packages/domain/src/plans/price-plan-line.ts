import type { PlanCode, Prisma } from "@cm/db";
import { DomainError } from "../errors.ts";
import { lineTotals, type LineTotals } from "../shared/money.ts";
import { normalizeAlias } from "../schemas/storefront-alias.ts";
import type { LineTax } from "../tax/tax-context.ts";
import type { TaxRegime } from "../tax/tax-regime.ts";

export interface PlanRequest {
  planId: string;
  storefrontAlias: string | null;
}

export interface PlanPricedLine extends LineTotals {
  kind: "plan";
  position: number;
  planId: string;
  planCode: PlanCode;
  planName: string;
  /** "Standard reseller plan": what the order line and the invoice line say. */
  productName: string;
  sku: string;
  quantity: 1;
  unitPrice: string;
  taxRate: string;
  taxRegime: TaxRegime;
  billingPeriodMonths: number;
  storefrontAlias: string | null;
}

export const planLineName = (planName: string) => `${planName} reseller plan`;
export const planSku = (code: PlanCode) => `PLAN-${code}`;

/** One billing period of a published plan, at its price in the buyer's currency, taxed for the buyer. */
export async function pricePlanLine(
  tx: Prisma.TransactionClient,
  sale: { currency: string; taxFor: LineTax },
  line: PlanRequest,
  position: number,
  field: string,
): Promise<PlanPricedLine> {
  const { currency } = sale;
  const plan = await tx.plan.findFirst({
    where: { id: line.planId, published: true },
    select: {
      id: true,
      code: true,
      name: true,
      taxCategory: true,
      billingPeriodMonths: true,
      prices: { where: { currency }, select: { unitPrice: true } },
    },
  });
  if (!plan) throw new DomainError("INVALID", "That reseller plan is not available", `${field}.planId`);
  const price = plan.prices[0];
  if (!price) throw new DomainError("INVALID", `The ${plan.name} plan is not sold in ${currency}`, `${field}.planId`);
  const unitPrice = price.unitPrice.toFixed(2);
  const tax = sale.taxFor(plan.taxCategory);
  const alias = line.storefrontAlias ? normalizeAlias(line.storefrontAlias) : "";
  return {
    kind: "plan",
    position,
    planId: plan.id,
    planCode: plan.code,
    planName: plan.name,
    productName: planLineName(plan.name),
    sku: planSku(plan.code),
    quantity: 1,
    unitPrice,
    taxRate: tax.rate,
    taxRegime: tax.regime,
    billingPeriodMonths: plan.billingPeriodMonths,
    storefrontAlias: alias || null,
    ...lineTotals(unitPrice, 1, tax.rate),
  };
}
