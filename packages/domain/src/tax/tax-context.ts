import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { decideTax, type TaxCategory, type TaxDecision, type TaxRateRow } from "./tax-regime.ts";

type Db = DomainDeps["db"] | Prisma.TransactionClient;

type PartyRow = { id: string; kind: string; billingCountry: string; timeZone: string | null; taxId: string | null };

/** Who sells to whom, and the rates that may apply: everything decideTax needs but the category and the day. */
export interface TaxParties {
  sellerCountry: string;
  /** The distributor's time zone: the invoice date is its calendar day. */
  timeZone: string;
  buyerCountry: string;
  buyerVatNumber: string | null;
  rates: TaxRateRow[];
}

/**
 * The tax parties of a sale to `buyerAccountId`, by the billing countries and
 * the buyer's VAT number as they are now. The seller is the one who issues the
 * invoice: the distributor, or (`sellerAccountId`) a reseller selling to its
 * end-customer at its storefront. Days are the distributor's either way.
 */
export async function loadTaxParties(
  db: Db,
  buyerAccountId: string,
  sellerAccountId: string | null = null,
): Promise<TaxParties> {
  // One statement for the three parties (the distributor, the reseller selling, the buyer) and the
  // rates of their countries (a superset of the seller's and the buyer's: decideTax picks by country).
  const ids = sellerAccountId ? [buyerAccountId, sellerAccountId] : [buyerAccountId];
  const [found] = await db.$queryRaw<{ parties: PartyRow[] | null; rates: TaxRateRow[] | null }[]>`
    WITH parties AS (
      SELECT "id", "kind"::text AS "kind", "billingCountry", "timeZone", "taxId" FROM "Account"
      WHERE "kind" = 'DISTRIBUTOR' OR "id" = ANY(${ids}::uuid[]))
    SELECT
      (SELECT json_agg(json_build_object('id', p."id", 'kind', p."kind", 'billingCountry', p."billingCountry",
         'timeZone', p."timeZone", 'taxId', p."taxId")) FROM parties p) AS "parties",
      (SELECT json_agg(json_build_object('country', r."country", 'rate', r."rate"::text,
         'validFrom', to_char(r."validFrom", 'YYYY-MM-DD')))
       FROM "TaxRate" r WHERE r."country" IN (SELECT "billingCountry" FROM parties)) AS "rates"`;
  const parties = found?.parties ?? [];
  const distributor = parties.find((party) => party.kind === "DISTRIBUTOR");
  const reseller = sellerAccountId ? parties.find((party) => party.id === sellerAccountId) : undefined;
  const buyer = parties.find((party) => party.id === buyerAccountId);
  if (!distributor) throw new DomainError("PRECONDITION_FAILED", "The distributor is not set up yet");
  if (!buyer) throw new DomainError("NOT_FOUND", "The account was not found", "accountId");
  const seller = { billingCountry: (reseller ?? distributor).billingCountry, timeZone: distributor.timeZone };
  return {
    sellerCountry: seller.billingCountry,
    timeZone: seller.timeZone ?? "UTC",
    buyerCountry: buyer.billingCountry,
    buyerVatNumber: buyer.taxId,
    rates: found?.rates ?? [],
  };
}

/** The tax of a `category` line sold to the parties at `at` (an invoice issued then). */
export function taxAt(parties: TaxParties, category: TaxCategory, at: Date): TaxDecision {
  return decideTax({ ...parties, category, day: calendarDay(at, parties.timeZone) });
}

/** How each line of one sale is taxed, by its category. */
export type LineTax = (category: TaxCategory) => TaxDecision;

/** The tax of every line of a sale to `buyerAccountId` at `at` (one lookup of the parties and rates); the seller as in loadTaxParties. */
export async function taxOfSale(
  db: Db,
  buyerAccountId: string,
  at: Date,
  sellerAccountId: string | null = null,
): Promise<LineTax> {
  const parties = await loadTaxParties(db, buyerAccountId, sellerAccountId);
  return (category) => taxAt(parties, category, at);
}

/** A DATE column's day ("2026-07-01"). */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The calendar day ("2026-03-02") `at` falls on in `timeZone`. */
export function calendarDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}
