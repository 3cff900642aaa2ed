import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { UpdateMyStorefrontInput } from "../schemas/plans.ts";
import { visibleProductWhere } from "../catalog/visible-products.ts";
import { currentPlanOf } from "../plans/current-plan.ts";
import { applyMarkup } from "../pricing/markup.ts";
import { unitPriceOf, unitPriceSelect } from "../pricing/unit-price.ts";
import { storefrontPage } from "../auth/storefront-access.ts";
import { storefrontUrl } from "../shared/storefront-url.ts";

export interface MyStorefrontDto {
  alias: string;
  url: string;
  open: boolean;
  /** Why it is not open (Free plan, or the plan has ended). */
  message: string | null;
  /** Settings can change while a plan is in effect; afterwards they are only kept. */
  editable: boolean;
  displayName: string;
  primaryColor: string;
  markupPercent: string;
  plan: { code: string; name: string };
  products: {
    productId: string;
    productName: string;
    currency: string;
    distributorPrice: string | null;
    ownMarkupPercent: string | null;
    storefrontPrice: string | null;
  }[];
}

function resellerOnly(caller: ShopCaller): void {
  if (caller.accountKind !== "RESELLER") throw new DomainError("FORBIDDEN", "Only resellers have their own storefront");
}

/** The caller's storefront settings and what its prices come to. */
export async function getMyStorefront(deps: DomainDeps, caller: ShopCaller): Promise<MyStorefrontDto> {
  resellerOnly(caller);
  const storefront = await deps.db.resellerStorefront.findUnique({
    where: { accountId: caller.accountId },
    select: {
      alias: true,
      displayName: true,
      primaryColor: true,
      markupPercent: true,
      closedAt: true,
      markups: { select: { productId: true, markupPercent: true } },
    },
  });
  if (!storefront)
    throw new DomainError(
      "NOT_FOUND",
      "You have no storefront yet: choose the Free or Standard plan on the Reseller Plans page.",
    );
  const [page, plan, account] = await Promise.all([
    storefrontPage(deps, storefront.alias),
    currentPlanOf(deps.db, caller.accountId),
    deps.db.account.findUniqueOrThrow({ where: { id: caller.accountId }, select: { currency: true } }),
  ]);
  const products = await deps.db.product.findMany({
    where: visibleProductWhere,
    select: { id: true, name: true, ...unitPriceSelect({ accountId: caller.accountId, currency: account.currency }) },
    orderBy: { groupEntry: { position: "asc" } },
  });
  const general = storefront.markupPercent.toFixed(2);
  return {
    alias: storefront.alias,
    url: storefrontUrl(deps, storefront.alias),
    open: page?.open ?? false,
    message: page?.message ?? null,
    editable: storefront.closedAt === null && plan.inEffect !== null,
    displayName: storefront.displayName,
    primaryColor: storefront.primaryColor,
    markupPercent: general,
    plan: { code: plan.code, name: plan.name },
    products: products.map((product) => {
      const own =
        storefront.markups.find((markup) => markup.productId === product.id)?.markupPercent.toFixed(2) ?? null;
      const price = unitPriceOf(product);
      return {
        productId: product.id,
        productName: product.name,
        currency: account.currency,
        distributorPrice: price,
        ownMarkupPercent: own,
        storefrontPrice: price ? applyMarkup(price, own ?? general) : null,
      };
    }),
  };
}

/** The caller's storefront, while its settings may change (a plan in effect); its id. */
export async function editableStorefront(deps: DomainDeps, caller: ShopCaller): Promise<string> {
  resellerOnly(caller);
  const storefront = await deps.db.resellerStorefront.findUnique({
    where: { accountId: caller.accountId },
    select: { id: true, closedAt: true },
  });
  if (!storefront)
    throw new DomainError(
      "NOT_FOUND",
      "You have no storefront yet: choose the Free or Standard plan on the Reseller Plans page.",
    );
  if (storefront.closedAt)
    throw new DomainError(
      "PRECONDITION_FAILED",
      "Your reseller plan has ended: your storefront settings are kept, but change them only after subscribing again.",
    );
  return storefront.id;
}

export async function updateMyStorefront(
  deps: DomainDeps,
  caller: ShopCaller,
  input: UpdateMyStorefrontInput,
): Promise<MyStorefrontDto> {
  const id = await editableStorefront(deps, caller);
  await deps.db.resellerStorefront.update({
    where: { id },
    data: {
      displayName: input.displayName,
      primaryColor: input.primaryColor.toLowerCase(),
      markupPercent: input.markupPercent,
    },
  });
  return getMyStorefront(deps, caller);
}

/** A product's own markup on the caller's storefront (null: use the general markup). */
export async function setStorefrontMarkup(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { productId: string; markupPercent: string | null },
): Promise<MyStorefrontDto> {
  const storefrontId = await editableStorefront(deps, caller);
  const product = await deps.db.product.findFirst({
    where: { ...visibleProductWhere, id: input.productId },
    select: { id: true },
  });
  if (!product) throw new DomainError("NOT_FOUND", "That product is not available", "productId");
  if (input.markupPercent === null) {
    await deps.db.storefrontMarkup.deleteMany({ where: { storefrontId, productId: product.id } });
  } else {
    await deps.db.storefrontMarkup.upsert({
      where: { storefrontId_productId: { storefrontId, productId: product.id } },
      create: { storefrontId, productId: product.id, markupPercent: input.markupPercent },
      update: { markupPercent: input.markupPercent },
    });
  }
  return getMyStorefront(deps, caller);
}
