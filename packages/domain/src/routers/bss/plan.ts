import { z } from "zod";
import { cancelSubscription } from "../../plans/cancel-subscription.ts";
import { checkAliasWithUrl } from "../../plans/check-alias.ts";
import { getSubscription, listSubscriptions } from "../../plans/list-subscriptions.ts";
import { listPlans, updatePlan } from "../../plans/plan-catalog.ts";
import { upgradeQuote, upgradeSubscription } from "../../orders/upgrade-subscription.ts";
import { aliasCheckOutput, subscriptionDetailOutput, subscriptionPageOutput } from "../../plans/plan-output.ts";
import { idSchema } from "../../schemas/common.ts";
import { bssCheckAliasInput, listSubscriptionsInput, updatePlanInput } from "../../schemas/plans.ts";
import { router, staffProcedure } from "../../trpc.ts";

const byId = z.object({ id: idSchema });

/** Catalog > Reseller plans. */
export const bssPlanRouter = router({
  list: staffProcedure.query(({ ctx }) => listPlans(ctx.deps)),
  update: staffProcedure.input(updatePlanInput).mutation(({ ctx, input }) => updatePlan(ctx.deps, input)),
  /** The live alias check of a plan line in the order form, for that account. */
  checkAlias: staffProcedure
    .input(bssCheckAliasInput)
    .output(aliasCheckOutput)
    .query(({ ctx, input }) => checkAliasWithUrl(ctx.deps, input.accountId, input.alias)),
});

export const bssSubscriptionRouter = router({
  list: staffProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/distributor/subscriptions",
        tags: ["Subscriptions"],
        summary: "List reseller plan subscriptions",
      },
    })
    .input(listSubscriptionsInput)
    .output(subscriptionPageOutput)
    .query(({ ctx, input }) => listSubscriptions(ctx.deps, ctx.staff, input)),
  get: staffProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/distributor/subscriptions/{id}",
        tags: ["Subscriptions"],
        summary: "Read a subscription",
      },
    })
    .input(byId)
    .output(subscriptionDetailOutput)
    .query(({ ctx, input }) => getSubscription(ctx.deps, ctx.staff, input.id)),
  cancel: staffProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/distributor/subscriptions/{id}/cancel",
        tags: ["Subscriptions"],
        summary: "Cancel a subscription",
        description:
          "It goes to Pending Cancellation: the reseller keeps its plan until the end of the billing period, then reverts to Basic.",
      },
    })
    .input(byId)
    .output(subscriptionDetailOutput)
    .mutation(({ ctx, input }) => cancelSubscription(ctx.deps, ctx.staff, input.id)),
  upgrade: staffProcedure.input(byId).mutation(({ ctx, input }) => upgradeSubscription(ctx.deps, ctx.staff, input.id)),
  upgradeQuote: staffProcedure.input(byId).query(({ ctx, input }) => upgradeQuote(ctx.deps, input.id)),
});
