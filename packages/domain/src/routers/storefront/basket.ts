import { z } from "zod";
import { addToBasket, getBasket, removeBasketLine, setBasketRecipient, updateBasketLine } from "../../storefront/basket.ts";
import { completeCheckout, reviewCheckout } from "../../storefront/checkout.ts";
import { getMyOrder, listMyOrders } from "../../storefront/my-orders.ts";
import { addPlanToBasket } from "../../plans/reseller-plans.ts";
import { idempotent } from "../../idempotency.ts";
import { idSchema, pageSchema } from "../../schemas/common.ts";
import { addToBasketInput, completeCheckoutInput, setRecipientInput, updateBasketLineInput } from "../../schemas/orders.ts";
import { router, storefrontProcedure } from "../../trpc.ts";

export const storefrontBasketRouter = router({
  get: storefrontProcedure.query(({ ctx }) => getBasket(ctx.deps, ctx.shop)),
  add: storefrontProcedure
    .input(addToBasketInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => addToBasket(ctx.deps, ctx.shop, input)),
  addPlan: storefrontProcedure.input(z.object({ planId: idSchema })).mutation(({ ctx, input }) => addPlanToBasket(ctx.deps, ctx.shop, input)),
  updateLine: storefrontProcedure.input(updateBasketLineInput).mutation(({ ctx, input }) => updateBasketLine(ctx.deps, ctx.shop, input)),
  removeLine: storefrontProcedure.input(z.object({ lineId: idSchema })).mutation(({ ctx, input }) => removeBasketLine(ctx.deps, ctx.shop, input.lineId)),
  setRecipient: storefrontProcedure.input(setRecipientInput).mutation(({ ctx, input }) => setBasketRecipient(ctx.deps, ctx.shop, input.recipientAccountId)),
});

export const storefrontCheckoutRouter = router({
  review: storefrontProcedure.query(({ ctx }) => reviewCheckout(ctx.deps, ctx.shop)),
  complete: storefrontProcedure.input(completeCheckoutInput).mutation(({ ctx, input }) => completeCheckout(ctx.deps, ctx.shop, input)),
});

export const storefrontOrderRouter = router({
  list: storefrontProcedure.input(pageSchema).query(({ ctx, input }) => listMyOrders(ctx.deps, ctx.shop, input)),
  get: storefrontProcedure.input(z.object({ id: idSchema })).query(({ ctx, input }) => getMyOrder(ctx.deps, ctx.shop, input.id)),
});
