import { actorOf, type ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { SetSpecialPriceInput } from "../schemas/storefront-sales.ts";
import { visibleProductWhere } from "../catalog/visible-products.ts";
import { endCustomersWhere } from "../accounts/shop-scope.ts";
import { currentPlanOf } from "../plans/current-plan.ts";
import { unitPriceOf, unitPriceSelect } from "../pricing/unit-price.ts";
import { editableStorefront } from "./my-storefront.ts";

export interface SpecialPriceDto {
  endCustomer: { id: string; companyName: string };
  product: { id: string; name: string };
  currency: string;
  /** What the end-customer pays for one license there, excl. tax. */
  unitPrice: string;
  /** What the reseller pays for it (its price list's, else the catalog's); null when no longer sold in its currency. */
  buyingPrice: string | null;
  setBy: string;
  updatedAt: Date;
}

/** Special prices are a Standard storefront's, and change while the plan is in effect. */
async function standardStorefront(deps: DomainDeps, caller: ShopCaller): Promise<string> {
  const storefrontId = await editableStorefront(deps, caller);
  const plan = await currentPlanOf(deps.db, caller.accountId);
  if (plan.code !== "STANDARD")
    throw new DomainError("FORBIDDEN", "Special prices are part of the Standard plan: your storefront opens with it");
  return storefrontId;
}

/** The reseller's special prices, by end-customer then product, with what it pays for each. */
export async function listSpecialPrices(deps: DomainDeps, caller: ShopCaller): Promise<SpecialPriceDto[]> {
  if (caller.accountKind !== "RESELLER") throw new DomainError("FORBIDDEN", "Only resellers have their own storefront");
  const account = await deps.db.account.findUniqueOrThrow({
    where: { id: caller.accountId },
    select: { currency: true },
  });
  const rows = await deps.db.storefrontSpecialPrice.findMany({
    where: { storefront: { accountId: caller.accountId } },
    orderBy: [{ endCustomer: { companyName: "asc" } }, { product: { name: "asc" } }],
    select: {
      unitPrice: true,
      setBy: true,
      updatedAt: true,
      endCustomer: { select: { id: true, companyName: true } },
      product: {
        select: {
          id: true,
          name: true,
          ...unitPriceSelect({ accountId: caller.accountId, currency: account.currency }),
        },
      },
    },
  });
  return rows.map((row) => ({
    endCustomer: row.endCustomer,
    product: { id: row.product.id, name: row.product.name },
    currency: account.currency,
    unitPrice: row.unitPrice.toFixed(2),
    buyingPrice: unitPriceOf(row.product),
    setBy: row.setBy,
    updatedAt: row.updatedAt,
  }));
}

/**
 * Sets the price of one product for one of the reseller's own end-customers
 * at its storefront (it replaces the price plus markup there). The product
 * must be on sale in the reseller's currency; who set it is kept.
 */
export async function setSpecialPrice(
  deps: DomainDeps,
  caller: ShopCaller,
  input: SetSpecialPriceInput,
): Promise<SpecialPriceDto[]> {
  const storefrontId = await standardStorefront(deps, caller);
  const [endCustomer, account] = await Promise.all([
    deps.db.account.findFirst({
      where: { AND: [{ id: input.endCustomerAccountId }, endCustomersWhere(caller)] },
      select: { id: true },
    }),
    deps.db.account.findUniqueOrThrow({ where: { id: caller.accountId }, select: { currency: true } }),
  ]);
  if (!endCustomer) throw new DomainError("INVALID", "Choose one of your own end-customers", "endCustomerAccountId");
  const product = await deps.db.product.findFirst({
    where: { ...visibleProductWhere, id: input.productId },
    select: { id: true, name: true, ...unitPriceSelect({ accountId: caller.accountId, currency: account.currency }) },
  });
  if (!product) throw new DomainError("INVALID", "That product is not available", "productId");
  if (!unitPriceOf(product))
    throw new DomainError("INVALID", `${product.name} is not sold in ${account.currency}`, "productId");
  const key = { storefrontId, endCustomerAccountId: endCustomer.id, productId: product.id };
  const setBy = actorOf(caller);
  await deps.db.storefrontSpecialPrice.upsert({
    where: { storefrontId_endCustomerAccountId_productId: key },
    create: { ...key, unitPrice: input.unitPrice, setBy },
    update: { unitPrice: input.unitPrice, setBy },
  });
  return listSpecialPrices(deps, caller);
}

/** Removes a special price: the end-customer pays the price plus markup again. Removing none changes nothing. */
export async function removeSpecialPrice(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { endCustomerAccountId: string; productId: string },
): Promise<SpecialPriceDto[]> {
  const storefrontId = await standardStorefront(deps, caller);
  await deps.db.storefrontSpecialPrice.deleteMany({
    where: { storefrontId, endCustomerAccountId: input.endCustomerAccountId, productId: input.productId },
  });
  return listSpecialPrices(deps, caller);
}
