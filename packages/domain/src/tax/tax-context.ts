import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { calendarDayOf } from "../shared/business-time.ts";
import { rememberSaleAccounts, type SaleAccountRow } from "../shared/get-distributor.ts";
import { transactionMemo } from "../shared/transaction-memo.ts";
import { decideTax, type TaxCategory, type TaxDecision, type TaxRateRow } from "./tax-regime.ts";

type Db = DomainDeps["db"] | Prisma.TransactionClient;

/** Who sells to whom, and the rates that may apply: everything decideTax needs but the category and the day. */
export interface TaxParties {
  sellerCountry: string;
  /** The distributor's time zone: the invoice date is its calendar day. */
  timeZone: string;
  buyerCountry: string;
  buyerVatNumber: string | null;
  rates: TaxRateRow[];
}

/** The accounts of a sale (the distributor, the reseller selling, the buyer) and the tax rates of their countries. */
export interface SaleAccounts {
  accounts: SaleAccountRow[];
  rates: TaxRateRow[];
}

const saleAccountsOfTransaction = transactionMemo<SaleAccounts>();

/**
 * The accounts of a sale to `buyerAccountId` as they are now, in one
 * statement: the distributor, the reseller selling at its storefront
 * (`sellerAccountId`) and the buyer, with the rates of their countries (a
 * superset of the seller's and the buyer's: decideTax picks by country). In a
 * transaction it is read once (the checkout's eligibility, pricing and invoice
 * all ask) and its rows are the transaction's (rememberSaleAccounts).
 */
export function loadSaleAccounts(
  db: Db,
  buyerAccountId: string,
  sellerAccountId: string | null = null,
): Promise<SaleAccounts> {
  const read = async (): Promise<SaleAccounts> => {
    const ids = sellerAccountId ? [buyerAccountId, sellerAccountId] : [buyerAccountId];
    const [found] = await db.$queryRaw<{ accounts: SaleAccountRow[] | null; rates: TaxRateRow[] | null }[]>`
      WITH parties AS (
        SELECT a."id", a."number", a."kind"::text AS "kind", a."status"::text AS "status", a."companyName",
          a."email", a."taxId", a."timeZone", a."billingLine1", a."billingLine2", a."billingCity", a."billingRegion",
          a."billingPostalCode", a."billingCountry", a."currency", a."bittitanSyncStatus"::text AS "bittitanSyncStatus",
          (SELECT json_build_object('firstName', c."firstName", 'lastName', c."lastName", 'email', c."email",
             'phone', c."phone") FROM "Contact" c WHERE c."id" = a."primaryContactId") AS "primaryContact"
        FROM "Account" a
        WHERE a."kind" = 'DISTRIBUTOR' OR a."id" = ANY(${ids}::uuid[]))
      SELECT
        (SELECT json_agg(row_to_json(p)) FROM parties p) AS "accounts",
        (SELECT json_agg(json_build_object('country', r."country", 'rate', r."rate"::text,
           'validFrom', to_char(r."validFrom", 'YYYY-MM-DD')))
         FROM "TaxRate" r WHERE r."country" IN (SELECT "billingCountry" FROM parties)) AS "rates"`;
    const sale = { accounts: found?.accounts ?? [], rates: found?.rates ?? [] };
    rememberSaleAccounts(db, sale.accounts);
    return sale;
  };
  return saleAccountsOfTransaction.get(db, `${buyerAccountId}:${sellerAccountId ?? ""}`, read);
}

/** The sale's row of the account `accountId` (the buyer, the reseller selling), if it was read. */
export const saleAccount = (sale: SaleAccounts, accountId: string) =>
  sale.accounts.find((account) => account.id === accountId);

/**
 * The tax parties of a sale (loadSaleAccounts), by the billing countries and
 * the buyer's VAT number as they are now. The seller is the one who issues the
 * invoice: the distributor, or (`sellerAccountId`) a reseller selling to its
 * end-customer at its storefront. Days are the distributor's either way.
 */
export function taxPartiesOf(
  sale: SaleAccounts,
  buyerAccountId: string,
  sellerAccountId: string | null = null,
): TaxParties {
  const distributor = sale.accounts.find((party) => party.kind === "DISTRIBUTOR");
  const reseller = sellerAccountId ? saleAccount(sale, sellerAccountId) : undefined;
  const buyer = saleAccount(sale, buyerAccountId);
  if (!distributor) throw new DomainError("PRECONDITION_FAILED", "The distributor is not set up yet");
  if (!buyer) throw new DomainError("NOT_FOUND", "The account was not found", "accountId");
  return {
    sellerCountry: (reseller ?? distributor).billingCountry,
    timeZone: distributor.timeZone ?? "UTC",
    buyerCountry: buyer.billingCountry,
    buyerVatNumber: buyer.taxId,
    rates: sale.rates,
  };
}

/** The tax parties of a sale to `buyerAccountId` (loadSaleAccounts, taxPartiesOf). */
export async function loadTaxParties(
  db: Db,
  buyerAccountId: string,
  sellerAccountId: string | null = null,
): Promise<TaxParties> {
  return taxPartiesOf(await loadSaleAccounts(db, buyerAccountId, sellerAccountId), buyerAccountId, sellerAccountId);
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
  return taxOf(await loadTaxParties(db, buyerAccountId, sellerAccountId), at);
}

/** The tax of every line of a sale to `parties` at `at`. */
export const taxOf =
  (parties: TaxParties, at: Date): LineTax =>
  (category) =>
    taxAt(parties, category, at);

/** A DATE column's day ("2026-07-01"). */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The calendar day ("2026-03-02") `at` falls on in `timeZone`. */
export function calendarDay(at: Date, timeZone: string): string {
  // business-time's formatter is made once per zone (making one per call was 1 % of a checkout's CPU).
  const { year, month, day } = calendarDayOf(at, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
