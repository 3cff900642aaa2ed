import { z } from "zod";
import { addToBasket, getBasket, removeBasketLine, setBasketRecipient, updateBasketLine } from "../../orders/basket.ts";
import { completeCheckout, reviewCheckout } from "../../orders/checkout.ts";
import { getMyOrder, listMyOrders } from "../../orders/my-orders.ts";
import { addPlanToBasket } from "../../reseller-storefronts/reseller-plans.ts";
import { idempotent } from "../../idempotency.ts";
import { idSchema, pageSchema } from "../../schemas/common.ts";
import {
  addToBasketInput,
  completeCheckoutInput,
  setRecipientInput,
  updateBasketLineInput,
} from "../../schemas/orders.ts";
import { router, storefrontProcedure } from "../../trpc.ts";
import { orderPageOutput, shopOrderDetailOutput } from "../../orders/order-output.ts";
import { basketOutput, checkoutResultOutput, checkoutReviewOutput } from "../../orders/basket-output.ts";

export const storefrontBasketRouter = router({
  get: storefrontProcedure.output(basketOutput).query(({ ctx }) => getBasket(ctx.deps, ctx.shop)),
  add: storefrontProcedure
    .input(addToBasketInput.extend(idempotent.shape))
    .output(basketOutput)
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => addToBasket(ctx.deps, ctx.shop, input)),
  addPlan: storefrontProcedure
    .input(z.object({ planId: idSchema }))
    .output(basketOutput)
    .mutation(({ ctx, input }) => addPlanToBasket(ctx.deps, ctx.shop, input)),
  updateLine: storefrontProcedure
    .input(updateBasketLineInput)
    .output(basketOutput)
    .mutation(({ ctx, input }) => updateBasketLine(ctx.deps, ctx.shop, input)),
  removeLine: storefrontProcedure
    .input(z.object({ lineId: idSchema }))
    .output(basketOutput)
    .mutation(({ ctx, input }) => removeBasketLine(ctx.deps, ctx.shop, input.lineId)),
  setRecipient: storefrontProcedure
    .input(setRecipientInput)
    .output(basketOutput)
    .mutation(({ ctx, input }) => setBasketRecipient(ctx.deps, ctx.shop, input.recipientAccountId)),
});

export const storefrontCheckoutRouter = router({
  review: storefrontProcedure.output(checkoutReviewOutput).query(({ ctx }) => reviewCheckout(ctx.deps, ctx.shop)),
  complete: storefrontProcedure
    .input(completeCheckoutInput)
    .output(checkoutResultOutput)
    .mutation(({ ctx, input }) => completeCheckout(ctx.deps, ctx.shop, input)),
});

export const storefrontOrderRouter = router({
  list: storefrontProcedure
    .meta({ rest: { method: "GET", path: "/reseller/orders", tags: ["Orders"], summary: "List orders" } })
    .input(pageSchema)
    .output(orderPageOutput)
    .query(({ ctx, input }) => listMyOrders(ctx.deps, ctx.shop, input)),
  get: storefrontProcedure
    .meta({ rest: { method: "GET", path: "/reseller/orders/{id}", tags: ["Orders"], summary: "Read an order" } })
    .input(z.object({ id: idSchema }))
    .output(shopOrderDetailOutput)
    .query(({ ctx, input }) => getMyOrder(ctx.deps, ctx.shop, input.id)),
});
