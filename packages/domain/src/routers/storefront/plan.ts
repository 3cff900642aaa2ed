import { z } from "zod";
import { cancelSubscription } from "../../plans/cancel-subscription.ts";
import { getSubscription, listSubscriptions } from "../../plans/list-subscriptions.ts";
import { toShopSubscriptionDetail } from "../../plans/subscription-dto.ts";
import { getMyStorefront, setStorefrontMarkup, updateMyStorefront } from "../../plans/my-storefront.ts";
import { checkMyAlias, listResellerPlans } from "../../plans/reseller-plans.ts";
import { idSchema } from "../../schemas/common.ts";
import { checkAliasInput, listSubscriptionsInput, setMarkupInput, updateMyStorefrontInput } from "../../schemas/plans.ts";
import { router, storefrontProcedure } from "../../trpc.ts";

const byId = z.object({ id: idSchema });

export const storefrontPlanRouter = router({
  list: storefrontProcedure.query(({ ctx }) => listResellerPlans(ctx.deps, ctx.shop)),
  checkAlias: storefrontProcedure.input(checkAliasInput).query(({ ctx, input }) => checkMyAlias(ctx.deps, ctx.shop, input.alias)),
});

/** The caller's own plan subscriptions (its account's, never another's). */
export const storefrontSubscriptionRouter = router({
  list: storefrontProcedure
    .input(listSubscriptionsInput.omit({ accountId: true }))
    .query(({ ctx, input }) => listSubscriptions(ctx.deps, { accountId: ctx.shop.accountId }, input)),
  get: storefrontProcedure.input(byId).query(async ({ ctx, input }) => toShopSubscriptionDetail(await getSubscription(ctx.deps, { accountId: ctx.shop.accountId }, input.id))),
  cancel: storefrontProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) =>
      toShopSubscriptionDetail(await cancelSubscription(ctx.deps, { accountId: ctx.shop.accountId }, { id: input.id, actor: `customer:${ctx.shop.name}` })),
    ),
});

export const storefrontMyStorefrontRouter = router({
  get: storefrontProcedure.query(({ ctx }) => getMyStorefront(ctx.deps, ctx.shop)),
  update: storefrontProcedure.input(updateMyStorefrontInput).mutation(({ ctx, input }) => updateMyStorefront(ctx.deps, ctx.shop, input)),
  setMarkup: storefrontProcedure.input(setMarkupInput).mutation(({ ctx, input }) => setStorefrontMarkup(ctx.deps, ctx.shop, input)),
});
