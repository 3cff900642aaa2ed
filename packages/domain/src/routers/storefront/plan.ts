import { z } from "zod";
import { cancelSubscription } from "../../plans/cancel-subscription.ts";
import { getSubscription, listSubscriptions } from "../../plans/list-subscriptions.ts";
import { toShopSubscriptionDetail } from "../../plans/subscription-dto.ts";
import { getMyStorefront, setStorefrontMarkup, updateMyStorefront } from "../../reseller-storefronts/my-storefront.ts";
import { checkMyAlias, listResellerPlans } from "../../reseller-storefronts/reseller-plans.ts";
import { idSchema } from "../../schemas/common.ts";
import {
  checkAliasInput,
  listSubscriptionsInput,
  setMarkupInput,
  updateMyStorefrontInput,
} from "../../schemas/plans.ts";
import { router, storefrontProcedure } from "../../trpc.ts";
import { storefrontBrandRouter, storefrontCustomersRouter } from "./my-storefront-admin.ts";
import { aliasCheckOutput, shopSubscriptionDetailOutput, subscriptionPageOutput } from "../../plans/plan-output.ts";
import { myStorefrontOutput, resellerPlansOutput } from "../../reseller-storefronts/reseller-storefront-output.ts";

import { listSpecialPrices, removeSpecialPrice, setSpecialPrice } from "../../reseller-storefronts/special-prices.ts";
import { listStorefrontDocuments, listStorefrontOrders } from "../../reseller-storefronts/storefront-sales.ts";
import { specialPricesOutput, storefrontOrderPageOutput } from "../../reseller-storefronts/storefront-sales-output.ts";
import {
  removeSpecialPriceInput,
  setSpecialPriceInput,
  storefrontDocumentsInput,
  storefrontSalesInput,
} from "../../schemas/storefront-sales.ts";
import { invoicePageOutput } from "../../billing/invoice-output.ts";

const byId = z.object({ id: idSchema });

export const storefrontPlanRouter = router({
  list: storefrontProcedure.output(resellerPlansOutput).query(({ ctx }) => listResellerPlans(ctx.deps, ctx.shop)),
  checkAlias: storefrontProcedure
    .input(checkAliasInput)
    .output(aliasCheckOutput)
    .query(({ ctx, input }) => checkMyAlias(ctx.deps, ctx.shop, input.alias)),
});

/** The caller's own plan subscriptions (its account's, never another's). */
export const storefrontSubscriptionRouter = router({
  list: storefrontProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reseller/subscriptions",
        tags: ["Subscriptions"],
        summary: "List plan subscriptions",
      },
    })
    .input(listSubscriptionsInput.omit({ accountId: true }))
    .output(subscriptionPageOutput)
    .query(({ ctx, input }) => listSubscriptions(ctx.deps, ctx.shop, input)),
  get: storefrontProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reseller/subscriptions/{id}",
        tags: ["Subscriptions"],
        summary: "Read a subscription",
      },
    })
    .input(byId)
    .output(shopSubscriptionDetailOutput)
    .query(async ({ ctx, input }) => toShopSubscriptionDetail(await getSubscription(ctx.deps, ctx.shop, input.id))),
  cancel: storefrontProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/reseller/subscriptions/{id}/cancel",
        tags: ["Subscriptions"],
        summary: "Cancel the plan subscription",
      },
    })
    .input(byId)
    .output(shopSubscriptionDetailOutput)
    .mutation(async ({ ctx, input }) =>
      toShopSubscriptionDetail(await cancelSubscription(ctx.deps, ctx.shop, input.id)),
    ),
});

export const storefrontMyStorefrontRouter = router({
  get: storefrontProcedure.output(myStorefrontOutput).query(({ ctx }) => getMyStorefront(ctx.deps, ctx.shop)),
  update: storefrontProcedure
    .input(updateMyStorefrontInput)
    .output(myStorefrontOutput)
    .mutation(({ ctx, input }) => updateMyStorefront(ctx.deps, ctx.shop, input)),
  setMarkup: storefrontProcedure
    .input(setMarkupInput)
    .output(myStorefrontOutput)
    .mutation(({ ctx, input }) => setStorefrontMarkup(ctx.deps, ctx.shop, input)),
  specialPrices: storefrontProcedure
    .output(specialPricesOutput)
    .query(({ ctx }) => listSpecialPrices(ctx.deps, ctx.shop)),
  setSpecialPrice: storefrontProcedure
    .input(setSpecialPriceInput)
    .output(specialPricesOutput)
    .mutation(({ ctx, input }) => setSpecialPrice(ctx.deps, ctx.shop, input)),
  removeSpecialPrice: storefrontProcedure
    .input(removeSpecialPriceInput)
    .output(specialPricesOutput)
    .mutation(({ ctx, input }) => removeSpecialPrice(ctx.deps, ctx.shop, input)),
  salesOrders: storefrontProcedure
    .input(storefrontSalesInput)
    .output(storefrontOrderPageOutput)
    .query(({ ctx, input }) => listStorefrontOrders(ctx.deps, ctx.shop, input)),
  salesDocuments: storefrontProcedure
    .input(storefrontDocumentsInput)
    .output(invoicePageOutput)
    .query(({ ctx, input }) => listStorefrontDocuments(ctx.deps, ctx.shop, input)),
  customers: storefrontCustomersRouter,
  brand: storefrontBrandRouter,
});
