import type { TaxCategory, TaxRegime } from "@cm/db";
import { DomainError } from "../errors.ts";
import { dayText } from "../shared/business-time.ts";
import { isEuMemberState, isWellFormedVatNumber } from "../schemas/vat-numbers.ts";

export type { TaxCategory, TaxRegime } from "@cm/db";

/** A row of the tax table: `country`'s standard rate (percent, "19.00") from `validFrom` ("2026-01-01") on. */
export interface TaxRateRow {
  country: string;
  rate: string;
  validFrom: string;
}

export interface TaxQuestion {
  /** The issuer's country: the distributor's, or a reseller's selling at its storefront. */
  sellerCountry: string;
  buyerCountry: string;
  /** The buyer's tax id as entered; it counts as a VAT number when it has its country's format. */
  buyerVatNumber: string | null;
  category: TaxCategory;
  /** The invoice date: a calendar day ("2026-03-02") as the distributor counts days. */
  day: string;
  rates: readonly TaxRateRow[];
}

export interface TaxDecision {
  regime: TaxRegime;
  /** Percent, "19.00"; "0.00" unless VAT is charged. */
  rate: string;
  /** Whose VAT is charged (DOMESTIC, BUYER_COUNTRY); null when none is. */
  country: string | null;
  /** What the invoice must say about it; null when VAT is simply charged. */
  mention: string | null;
}

export const TAX_MENTIONS: Readonly<Record<TaxRegime, string | null>> = {
  DOMESTIC: null,
  BUYER_COUNTRY: null,
  REVERSE_CHARGE: "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC",
  OUTSIDE_EU: "Outside the scope of EU VAT",
  EXEMPT: "Exempt from VAT",
};

const NO_TAX = "0.00";

/**
 * The place-of-supply rules for electronically supplied services between
 * businesses, in one place (every price, basket, order, invoice and renewal
 * asks here):
 * - an EXEMPT product or plan: 0 %, exempt;
 * - the buyer in the seller's country: that country's rate (domestic);
 * - the buyer in another EU member state with a VAT number of its country's
 *   format: 0 %, reverse charge (Article 196);
 * - the buyer in another EU member state without one: the buyer country's rate;
 * - the buyer outside the EU: 0 %, outside the scope of EU VAT.
 * A rate is the one in force on `day` (the row with the latest validFrom on or
 * before it); a country without one is refused, never charged 0 % by mistake.
 */
export function decideTax(question: TaxQuestion): TaxDecision {
  const { sellerCountry, buyerCountry, category } = question;
  if (category === "EXEMPT") return untaxed("EXEMPT");
  if (buyerCountry === sellerCountry) return taxed("DOMESTIC", buyerCountry, question);
  if (!isEuMemberState(buyerCountry)) return untaxed("OUTSIDE_EU");
  if (isWellFormedVatNumber(buyerCountry, question.buyerVatNumber)) return untaxed("REVERSE_CHARGE");
  return taxed("BUYER_COUNTRY", buyerCountry, question);
}

function untaxed(regime: TaxRegime): TaxDecision {
  return { regime, rate: NO_TAX, country: null, mention: TAX_MENTIONS[regime] };
}

function taxed(regime: TaxRegime, country: string, question: TaxQuestion): TaxDecision {
  const rate = rateInForce(question.rates, country, question.day);
  if (rate === null) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `No VAT rate for ${countryName(country)} is in force on ${dayText(new Date(`${question.day}T00:00:00Z`), "UTC")}: staff add it under Catalog > Tax rates`,
    );
  }
  return { regime, rate, country, mention: TAX_MENTIONS[regime] };
}

/** `country`'s rate on `day`: the row with the latest validFrom on or before it (days compare as ISO strings). */
export function rateInForce(rates: readonly TaxRateRow[], country: string, day: string): string | null {
  let best: TaxRateRow | null = null;
  for (const row of rates) {
    if (row.country !== country || row.validFrom > day) continue;
    if (!best || row.validFrom > best.validFrom) best = row;
  }
  return best?.rate ?? null;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
export const countryName = (code: string) => regionNames.of(code) ?? code;

/**
 * What a document says about its tax, from its lines' regimes: the regime of
 * its taxed lines (one sale has one place of supply), EXEMPT when every line is
 * exempt, and every mention that applies. Null for lines priced before the
 * regime was recorded.
 */
export function documentTax(regimes: readonly (TaxRegime | null)[]): {
  regime: TaxRegime | null;
  mention: string | null;
} {
  const known = [...new Set(regimes.filter((regime): regime is TaxRegime => regime !== null))];
  const regime = known.find((candidate) => candidate !== "EXEMPT") ?? known[0] ?? null;
  const mentions = known.flatMap((candidate) => TAX_MENTIONS[candidate] ?? []);
  return { regime, mention: mentions.length > 0 ? mentions.join("\n") : null };
}
