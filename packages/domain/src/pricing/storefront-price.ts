import type { DomainDeps } from "../deps.ts";
import type { Prisma } from "@cm/db";
import { applyMarkup, storefrontMarkups } from "./markup.ts";

type Db = DomainDeps["db"] | Prisma.TransactionClient;

/** What one license of a product costs at a reseller's storefront, from what the reseller pays (null: not sold). */
export type StorefrontPriceOf = (productId: string, buyingPrice: string | null) => string | null;

/**
 * The one storefront pricing rule (catalog, product page, basket, checkout,
 * the reseller's settings): the reseller's special price for this
 * end-customer when it set one, else what the reseller pays plus its markup
 * (the product's own, else the storefront's overall one). A product the
 * reseller cannot buy in its currency is not sold there either.
 */
export async function storefrontPricing(
  db: Db,
  storefront: { id: string },
  endCustomerAccountId: string | null,
  productIds: string[],
): Promise<StorefrontPriceOf> {
  const [markupOf, specials] = await Promise.all([
    storefrontMarkups(db, storefront.id, productIds),
    endCustomerAccountId
      ? db.storefrontSpecialPrice.findMany({
          where: { storefrontId: storefront.id, endCustomerAccountId, productId: { in: productIds } },
          select: { productId: true, unitPrice: true },
        })
      : [],
  ]);
  return (productId, buyingPrice) => {
    if (buyingPrice === null) return null;
    const special = specials.find((row) => row.productId === productId);
    return special ? special.unitPrice.toFixed(2) : applyMarkup(buyingPrice, markupOf(productId));
  };
}
