import type { Prisma } from "@cm/db";
import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { lineTotals } from "../shared/money.ts";
import { storefrontPricing, type StorefrontPriceOf } from "../pricing/storefront-price.ts";
import { unitPriceOf, unitPriceSelect, type PricedFor, type UnitPriceRow } from "../pricing/unit-price.ts";
import { containsText } from "../shared/text-match.ts";
import { visibleProductWhere } from "./visible-products.ts";
import { taxOfSale, type LineTax } from "../tax/tax-context.ts";
import type { TaxRegime } from "../tax/tax-regime.ts";

export interface CatalogProductDto {
  id: string;
  slug: string;
  name: string;
  description: string;
  licenseCoverage: string;
  productTypeName: string;
  category: { id: string; name: string } | null;
  expireDays: number;
  validityDays: number;
  currency: string;
  /** Price of one license in the caller's currency (its price list's, else the product's own); null when not sold in it. */
  unitPrice: string | null;
  /** The caller's tax on it, by place of supply (its country and VAT number, the distributor's country, today's rate). */
  taxRate: string;
  taxRegime: TaxRegime;
  /** One license with tax, for display. */
  unitGross: string | null;
  /** At a reseller's own Storefront (/<alias>): its price, what the reseller pays plus its markup (excl. tax). */
  storefrontPrice: string | null;
}

export interface CatalogDto {
  currency: string;
  /** Ordering BitTitan products needs a synchronized account (the distributor does it). */
  synchronized: boolean;
  /** Every category that has a product on show, whatever the filter (the chips). */
  categories: { id: string; name: string }[];
  /** In the BitTitan Product Group's order. */
  products: CatalogProductDto[];
  /** With a category and a search: how many products in the other categories match the search. */
  elsewhere: number;
}

const catalogSelect = (pricedFor: PricedFor) =>
  ({
    id: true,
    slug: true,
    name: true,
    description: true,
    licenseCoverage: true,
    taxCategory: true,
    expireDaysOverride: true,
    validityDaysOverride: true,
    category: { select: { id: true, name: true, position: true } },
    productType: { select: { name: true, expireDays: true, validityDays: true } },
    groupEntry: { select: { position: true } },
    ...unitPriceSelect(pricedFor),
  }) satisfies Prisma.ProductSelect;

/** At a reseller's storefront: each product's price there, and whether the caller sees only those (its end-customers). */
type Markups = { priceOf: StorefrontPriceOf; retailOnly: boolean };

/** Whose prices a Storefront caller sees: its own account's, at a reseller's storefront the reseller's. */
export const pricedForCaller = (caller: ShopCaller, currency: string): PricedFor => ({
  accountId: caller.storefront?.accountId ?? caller.accountId,
  currency,
});

/**
 * What one license costs the caller, the same on the product page, in the
 * basket and at checkout: an end-customer at its reseller's storefront pays
 * the reseller's price plus its markup and never sees what the reseller pays.
 */
export function callerUnitPrice(
  row: UnitPriceRow & { id: string },
  markups: Markups | null,
): { unitPrice: string | null; storefrontPrice: string | null } {
  const buyerPrice = unitPriceOf(row);
  const storefrontPrice = markups ? markups.priceOf(row.id, buyerPrice) : null;
  return { unitPrice: markups?.retailOnly ? storefrontPrice : buyerPrice, storefrontPrice };
}

function toCatalogProduct(
  row: Prisma.ProductGetPayload<{ select: ReturnType<typeof catalogSelect> }>,
  currency: string,
  markups: Markups | null,
  taxFor: LineTax,
): CatalogProductDto {
  const { unitPrice, storefrontPrice } = callerUnitPrice(row, markups);
  const tax = taxFor(row.taxCategory);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    licenseCoverage: row.licenseCoverage,
    productTypeName: row.productType.name,
    category: row.category ? { id: row.category.id, name: row.category.name } : null,
    expireDays: row.expireDaysOverride ?? row.productType.expireDays,
    validityDays: row.validityDaysOverride ?? row.productType.validityDays,
    currency,
    unitPrice,
    taxRate: tax.rate,
    taxRegime: tax.regime,
    unitGross: unitPrice ? lineTotals(unitPrice, 1, tax.rate).gross : null,
    storefrontPrice,
  };
}

/** At a reseller's storefront, its prices (with the caller's special prices, for an end-customer); null elsewhere. */
export async function markupsFor(deps: DomainDeps, caller: ShopCaller, productIds: string[]): Promise<Markups | null> {
  if (!caller.storefront) return null;
  const endCustomer = caller.accountKind === "END_CUSTOMER";
  return {
    priceOf: await storefrontPricing(deps.db, caller.storefront, endCustomer ? caller.accountId : null, productIds),
    retailOnly: endCustomer,
  };
}

/**
 * Who sells to the caller, for its tax: the distributor, but at a reseller's
 * storefront the reseller sells to its end-customers (null: the distributor).
 */
export const sellerFor = (caller: ShopCaller): string | null =>
  caller.storefront && caller.accountKind === "END_CUSTOMER" ? caller.storefront.accountId : null;

/**
 * End-customers buy through their reseller: outside the reseller's own
 * Storefront they would see the distributor's prices, which are not theirs to see.
 */
function assertMayBrowse(caller: ShopCaller): void {
  if (caller.accountKind === "END_CUSTOMER" && !caller.storefront) {
    throw new DomainError("FORBIDDEN", "End-customers order through their reseller");
  }
}

/**
 * The caller's account, and whose prices it sees: its own (its price list's,
 * else the distributor's); at a reseller's storefront, the reseller's, which
 * its end-customers see only with the reseller's markup added.
 */
async function buyer(deps: DomainDeps, caller: ShopCaller) {
  assertMayBrowse(caller);
  const account = await deps.db.account.findUniqueOrThrow({
    where: { id: caller.accountId },
    select: { currency: true, bittitanSyncStatus: true },
  });
  const taxFor = await taxOfSale(deps.db, caller.accountId, deps.clock.now(), sellerFor(caller));
  return { ...account, pricedFor: pricedForCaller(caller, account.currency), taxFor };
}

export async function browseCatalog(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { search?: string; categoryId?: string },
): Promise<CatalogDto> {
  const account = await buyer(deps, caller);
  const matching = input.search
    ? { OR: [{ name: containsText(input.search) }, { description: containsText(input.search) }] }
    : {};
  const [rows, categories, elsewhere] = await Promise.all([
    deps.db.product.findMany({
      where: { ...visibleProductWhere, ...(input.categoryId ? { categoryId: input.categoryId } : {}), ...matching },
      select: catalogSelect(account.pricedFor),
      orderBy: { groupEntry: { position: "asc" } },
    }),
    deps.db.category.findMany({
      where: { products: { some: visibleProductWhere } },
      select: { id: true, name: true },
      orderBy: [{ position: "asc" }, { name: "asc" }],
    }),
    input.categoryId && input.search
      ? deps.db.product.count({
          where: {
            ...visibleProductWhere,
            ...matching,
            AND: [{ OR: [{ categoryId: null }, { categoryId: { not: input.categoryId } }] }],
          },
        })
      : 0,
  ]);
  const markups = await markupsFor(
    deps,
    caller,
    rows.map((row) => row.id),
  );
  return {
    currency: account.currency,
    synchronized: account.bittitanSyncStatus === "SYNCHRONIZED",
    categories,
    products: rows.map((row) => toCatalogProduct(row, account.currency, markups, account.taxFor)),
    elsewhere,
  };
}

export async function getCatalogProduct(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { slug: string },
): Promise<CatalogProductDto & { synchronized: boolean }> {
  const account = await buyer(deps, caller);
  const row = await deps.db.product.findFirst({
    where: { ...visibleProductWhere, slug: input.slug },
    select: catalogSelect(account.pricedFor),
  });
  if (!row) throw notFound("The product");
  const markups = await markupsFor(deps, caller, [row.id]);
  return {
    ...toCatalogProduct(row, account.currency, markups, account.taxFor),
    synchronized: account.bittitanSyncStatus === "SYNCHRONIZED",
  };
}
