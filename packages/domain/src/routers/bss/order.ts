import { z } from "zod";
import {
  createDraftOrder,
  deleteDraftOrder,
  executeOrder,
  getOrder,
  listOrders,
  updateDraftOrder,
} from "../../orders/bss-orders.ts";
import { idempotent } from "../../idempotency.ts";
import { idSchema } from "../../schemas/common.ts";
import { draftOrderInput, listOrdersInput } from "../../schemas/orders.ts";
import { bssOrderDetailOutput, orderDetailOutput, orderPageOutput } from "../../orders/order-output.ts";
import { router, staffProcedure } from "../../trpc.ts";

const byId = z.object({ id: idSchema });

export const bssOrderRouter = router({
  list: staffProcedure
    .meta({ rest: { method: "GET", path: "/distributor/orders", tags: ["Orders"], summary: "List orders" } })
    .input(listOrdersInput)
    .output(orderPageOutput)
    .query(({ ctx, input }) => listOrders(ctx.deps, input)),
  get: staffProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/distributor/orders/{id}",
        tags: ["Orders"],
        summary: "Read an order",
        description:
          "With its lines, invoices, assets (coupon codes once provisioned) and whether it may be cancelled now.",
      },
    })
    .input(byId)
    .output(bssOrderDetailOutput)
    .query(({ ctx, input }) => getOrder(ctx.deps, input.id)),
  create: staffProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/distributor/orders",
        tags: ["Orders"],
        summary: "Create an order",
        description:
          "A draft BSS order for an account (synchronized with BitTitan for BitTitan products); execute it to complete it.",
      },
    })
    .input(draftOrderInput.extend(idempotent.shape))
    .output(orderDetailOutput)
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => createDraftOrder(ctx.deps, ctx.staff, input)),
  update: staffProcedure
    .input(draftOrderInput.extend({ id: idSchema }))
    .mutation(({ ctx, input }) => updateDraftOrder(ctx.deps, input)),
  delete: staffProcedure.input(byId).mutation(({ ctx, input }) => deleteDraftOrder(ctx.deps, input.id)),
  execute: staffProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/distributor/orders/{id}/execute",
        tags: ["Orders"],
        summary: "Execute an order",
        description:
          "Completes a draft order exactly once: creates its assets and invoice; the coupon is provisioned at BitTitan in the background, then the welcome email is sent.",
      },
    })
    .input(byId)
    .output(orderDetailOutput)
    .mutation(({ ctx, input }) => executeOrder(ctx.deps, ctx.staff, input.id)),
});
