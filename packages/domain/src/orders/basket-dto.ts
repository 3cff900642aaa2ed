import type { LineTotals } from "../shared/money.ts";
import type { TaxRegime } from "../tax/tax-regime.ts";

export interface BasketLineDto extends LineTotals {
  id: string;
  /** BitTitan licenses (productId, quantity, assetName) or a reseller plan (planId). */
  kind: "product" | "plan";
  productId: string | null;
  planId: string | null;
  productName: string;
  slug: string;
  quantity: number;
  assetName: string | null;
  unitPrice: string | null;
  /** For the buyer, by place of supply (null when the product or plan no longer exists). */
  taxRate: string;
  taxRegime: TaxRegime | null;
  /** A plan line's billing period in months (null on product lines). */
  billingPeriodMonths: number | null;
  /** Why this line cannot be ordered now (product withdrawn, not sold in the currency). */
  problem: string | null;
}

export interface BasketDto {
  version: number;
  currency: string;
  synchronized: boolean;
  /** The basket holds BitTitan licenses and the account is not synchronized yet (plans alone do not need it). */
  needsSynchronization: boolean;
  recipient: { id: string; companyName: string; isBuyer: boolean };
  lines: BasketLineDto[];
  /** An end-customer at its reseller's storefront: why it cannot check out now, in its words (null: it can). */
  checkoutBlocked: string | null;
  totals: LineTotals;
  /** What the invoice will say about its tax (reverse charge, outside the scope of EU VAT), if anything. */
  taxMention: string | null;
}
