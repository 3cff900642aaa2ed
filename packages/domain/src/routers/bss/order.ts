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
import { router, staffProcedure } from "../../trpc.ts";

const byId = z.object({ id: idSchema });

export const bssOrderRouter = router({
  list: staffProcedure.input(listOrdersInput).query(({ ctx, input }) => listOrders(ctx.deps, input)),
  get: staffProcedure.input(byId).query(({ ctx, input }) => getOrder(ctx.deps, input.id)),
  create: staffProcedure
    .input(draftOrderInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => createDraftOrder(ctx.deps, ctx.staff, input)),
  update: staffProcedure
    .input(draftOrderInput.extend({ id: idSchema }))
    .mutation(({ ctx, input }) => updateDraftOrder(ctx.deps, input)),
  delete: staffProcedure.input(byId).mutation(({ ctx, input }) => deleteDraftOrder(ctx.deps, input.id)),
  execute: staffProcedure.input(byId).mutation(({ ctx, input }) => executeOrder(ctx.deps, ctx.staff, input.id)),
});
