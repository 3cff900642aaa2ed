import Decimal from "decimal.js";

// Money is exact decimal arithmetic, never floating point: amounts travel as
// strings ("1234.50"), are computed with decimal.js and stored as DECIMAL.

/** decimal.js configured for money: every amount computed in the domain goes through it. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type Amount = string;

export interface LineTotals {
  net: Amount;
  tax: Amount;
  gross: Amount;
}

/** The amount columns every document line stores (order, invoice), copied from a priced line. */
export const lineAmounts = (line: LineTotals & { quantity: number; unitPrice: string; taxRate: string }) => ({
  quantity: line.quantity,
  unitPrice: line.unitPrice,
  taxRate: line.taxRate,
  net: line.net,
  tax: line.tax,
  gross: line.gross,
});

/** Rounds to cents, half away from zero (the invoicing convention). */
export function toCents(value: Decimal.Value): Amount {
  return new Money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * One invoice line: net = unit price × quantity, tax = net × rate% rounded to
 * the cent (per line), gross = net + tax.
 */
export function lineTotals(unitPrice: Decimal.Value, quantity: number, taxRatePercent: Decimal.Value): LineTotals {
  if (!Number.isInteger(quantity) || quantity < 0)
    throw new RangeError(`quantity must be a whole number, got ${quantity}`);
  const net = new Money(unitPrice).times(quantity).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const tax = net.times(taxRatePercent).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { net: net.toFixed(2), tax: tax.toFixed(2), gross: net.plus(tax).toFixed(2) };
}

/** Sums line totals into document totals. */
export function sumTotals(lines: LineTotals[]): LineTotals {
  const sum = (key: keyof LineTotals) => lines.reduce((total, line) => total.plus(line[key]), new Money(0)).toFixed(2);
  return { net: sum("net"), tax: sum("tax"), gross: sum("gross") };
}

export function negate(totals: LineTotals): LineTotals {
  const minus = (value: Amount) => new Money(value).negated().toFixed(2);
  return { net: minus(totals.net), tax: minus(totals.tax), gross: minus(totals.gross) };
}

export function isValidAmount(value: string): boolean {
  return /^\d{1,10}(\.\d{1,2})?$/.test(value);
}

/** "1234.5" -> "€1,234.50" for display in emails and PDFs. */
export function formatMoney(amount: Decimal.Value, currency: string, locale = "en-IE"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(new Money(amount).toNumber());
}
