import type { DomainDeps } from "../deps.ts";
import { lineTotals } from "../shared/money.ts";
import type { BasketLineDto } from "./basket-dto.ts";
import { planLineName } from "../plans/price-plan-line.ts";
import type { LineTax } from "../tax/tax-context.ts";

/** The basket's plan lines as DTOs, by basket line id (priced and taxed like the order will be). */
export async function planBasketLines(
  db: DomainDeps["db"],
  rows: { id: string; planId: string | null }[],
  sale: { currency: string; taxFor: LineTax },
): Promise<Map<string, BasketLineDto>> {
  const { currency } = sale;
  const planRows = rows.flatMap((row) => (row.planId ? [{ id: row.id, planId: row.planId }] : []));
  const result = new Map<string, BasketLineDto>();
  if (planRows.length === 0) return result;
  const plans = await db.plan.findMany({
    where: { id: { in: planRows.map((row) => row.planId) } },
    select: {
      id: true,
      name: true,
      published: true,
      taxCategory: true,
      billingPeriodMonths: true,
      prices: { where: { currency }, select: { unitPrice: true } },
    },
  });
  for (const row of planRows) {
    const plan = plans.find((candidate) => candidate.id === row.planId);
    const price = plan?.prices[0]?.unitPrice.toFixed(2) ?? null;
    const tax = plan ? sale.taxFor(plan.taxCategory) : null;
    const taxRate = tax?.rate ?? "0.00";
    const problem = !plan?.published ? "This plan is no longer available" : !price ? `Not sold in ${currency}` : null;
    const totals = problem || !price ? { net: "0.00", tax: "0.00", gross: "0.00" } : lineTotals(price, 1, taxRate);
    result.set(row.id, {
      id: row.id,
      kind: "plan",
      productId: null,
      planId: row.planId,
      productName: plan ? planLineName(plan.name) : "Unavailable plan",
      slug: "",
      quantity: 1,
      assetName: null,
      unitPrice: price,
      taxRate,
      taxRegime: tax?.regime ?? null,
      billingPeriodMonths: plan?.billingPeriodMonths ?? null,
      problem,
      ...totals,
    });
  }
  return result;
}
