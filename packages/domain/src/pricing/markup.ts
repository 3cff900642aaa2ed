import { Decimal } from "decimal.js";
import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";

/** A price with a markup in percent, rounded half-up to cents: 12.00 + 25% = 15.00. */
export function applyMarkup(price: string, markupPercent: string): string {
  return new Decimal(price)
    .times(new Decimal(markupPercent).dividedBy(100).plus(1))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

/** The markup of each product on a storefront: its own, else the storefront's general one. */
export async function storefrontMarkups(
  db: DomainDeps["db"] | Prisma.TransactionClient,
  storefrontId: string,
  productIds: string[],
): Promise<(productId: string) => string> {
  const [storefront, overrides] = await Promise.all([
    db.resellerStorefront.findUnique({ where: { id: storefrontId }, select: { markupPercent: true } }),
    db.storefrontMarkup.findMany({
      where: { storefrontId, productId: { in: productIds } },
      select: { productId: true, markupPercent: true },
    }),
  ]);
  const general = storefront?.markupPercent.toFixed(2) ?? "0.00";
  return (productId) =>
    overrides.find((override) => override.productId === productId)?.markupPercent.toFixed(2) ?? general;
}
