import { formatPercent } from "./format.ts";

type TaxRegime = "DOMESTIC" | "REVERSE_CHARGE" | "BUYER_COUNTRY" | "OUTSIDE_EU" | "EXEMPT";

export const TAX_CATEGORY_OPTIONS = [
  { value: "STANDARD", label: "Standard rate (by place of supply)" },
  { value: "EXEMPT", label: "Exempt from VAT" },
];

export const taxCategoryLabel = (category: "STANDARD" | "EXEMPT") =>
  category === "EXEMPT" ? "Exempt" : "Standard rate";

const UNTAXED: Partial<Record<TaxRegime, string>> = {
  REVERSE_CHARGE: "reverse charge",
  OUTSIDE_EU: "outside the scope of EU VAT",
  EXEMPT: "exempt",
};

/**
 * How a price's tax reads next to it, both apps alike: "excl. 19% tax", or
 * for a line that carries none, "no VAT: reverse charge".
 */
export function taxPhrase(rate: string, regime: TaxRegime | null): string {
  const untaxed = regime ? UNTAXED[regime] : undefined;
  return untaxed ? `no VAT: ${untaxed}` : `excl. ${formatPercent(rate)} tax`;
}

/** What a line adds for tax, after its net amount: "+ 19% tax", or "+ no VAT (reverse charge)". */
export function plusTax(rate: string, regime: TaxRegime | null): string {
  const untaxed = regime ? UNTAXED[regime] : undefined;
  return untaxed ? `+ no VAT (${untaxed})` : `+ ${formatPercent(rate)} tax`;
}

/** A line's tax column: "19%", or "0% (reverse charge)". */
export function taxRateText(rate: string, regime: TaxRegime | null): string {
  const untaxed = regime ? UNTAXED[regime] : undefined;
  return untaxed ? `${formatPercent(rate)} (${untaxed})` : formatPercent(rate);
}
