import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { PriceListEntryInput } from "../schemas/price-lists.ts";
import type { PriceListDetailDto } from "./price-list-dto.ts";
import { getPriceList } from "./price-lists.ts";

/**
 * Adds a product to a price list or changes its list price. A list prices only
 * products sold in its currency (with their own price in it), so every entry
 * has a price to be compared with and an account never buys in two currencies.
 */
export async function setPriceListEntry(deps: DomainDeps, input: PriceListEntryInput): Promise<PriceListDetailDto> {
  await deps.db.$transaction(async (tx) => {
    const list = await tx.priceList.findUnique({
      where: { id: input.priceListId },
      select: { id: true, currency: true },
    });
    if (!list) throw notFound("The price list");
    const product = await tx.product.findUnique({
      where: { id: input.productId },
      select: { name: true, prices: { where: { currency: list.currency }, select: { unitPrice: true } } },
    });
    if (!product) throw new DomainError("INVALID", "That product does not exist", "productId");
    if (product.prices.length === 0) {
      throw new DomainError(
        "INVALID",
        `${product.name} is not sold in ${list.currency}: a price list in ${list.currency} prices only products with a ${list.currency} price`,
        "productId",
      );
    }
    const key = { priceListId: list.id, productId: input.productId };
    await tx.priceListEntry.upsert({
      where: { priceListId_productId: key },
      create: { ...key, unitPrice: input.unitPrice },
      update: { unitPrice: input.unitPrice },
    });
    await tx.priceList.update({ where: { id: list.id }, data: { updatedAt: deps.clock.now() } });
  });
  return getPriceList(deps, input.priceListId);
}

/** The product goes back to its own price for the list's accounts. */
export async function removePriceListEntry(
  deps: DomainDeps,
  input: { priceListId: string; productId: string },
): Promise<PriceListDetailDto> {
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.priceListEntry.deleteMany({ where: input });
    if (count === 0) throw notFound("That price list entry");
    await tx.priceList.update({ where: { id: input.priceListId }, data: { updatedAt: deps.clock.now() } });
  });
  return getPriceList(deps, input.priceListId);
}
