import { Decimal } from "decimal.js";
import type { DomainDeps } from "../deps.ts";
import { checkPriceListFor } from "../accounts/assign-price-list.ts";
import { setPriceListEntry } from "../pricing/price-list-entries.ts";
import { createPriceList } from "../pricing/price-lists.ts";
import { toCents } from "../shared/money.ts";

const PARTNER_GOLD = {
  name: "Partner Gold",
  currency: "EUR",
  description: "Partners with a volume commitment: 10% below the catalog price.",
};
/** The Storefront login whose account buys on Partner Gold. */
const DEMO_PRICE_LIST_LOGIN = "anna@contoso.example";

/**
 * The demo's price list: Partner Gold, every product sold in euros at 10% below
 * its own price, for Contoso (the synchronized demo reseller). Running it again
 * changes nothing.
 */
export async function seedDemoPriceList(deps: DomainDeps): Promise<void> {
  const list =
    (await deps.db.priceList.findUnique({ where: { name: PARTNER_GOLD.name }, select: { id: true } })) ??
    (await createPriceList(deps, PARTNER_GOLD));
  const products = await deps.db.product.findMany({
    select: { id: true, prices: { where: { currency: PARTNER_GOLD.currency }, select: { unitPrice: true } } },
  });
  for (const product of products) {
    const own = product.prices[0];
    if (!own) continue;
    await setPriceListEntry(deps, {
      priceListId: list.id,
      productId: product.id,
      unitPrice: toCents(new Decimal(own.unitPrice.toString()).times("0.9")),
    });
  }
  await deps.db.$transaction(async (tx) => {
    const account = await tx.account.findFirst({
      where: { contacts: { some: { email: DEMO_PRICE_LIST_LOGIN } } },
      select: { id: true, kind: true, currency: true, priceListId: true },
    });
    if (!account || account.priceListId) return;
    await tx.account.update({
      where: { id: account.id },
      data: { priceListId: await checkPriceListFor(tx, account, list.id) },
    });
  });
}
