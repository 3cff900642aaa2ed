import { z } from "zod";
import { idempotent } from "../../idempotency.ts";
import { removePriceListEntry, setPriceListEntry } from "../../pricing/price-list-entries.ts";
import {
  createPriceList,
  deletePriceList,
  getPriceList,
  listPriceLists,
  updatePriceList,
} from "../../pricing/price-lists.ts";
import { idSchema } from "../../schemas/common.ts";
import {
  listPriceListsInput,
  priceListEntryInput,
  priceListInput,
  removePriceListEntryInput,
  updatePriceListInput,
} from "../../schemas/price-lists.ts";
import { router, staffProcedure } from "../../trpc.ts";

const byId = z.object({ id: idSchema });

/** Catalog > Price lists: per-account prices (assigned on the account form). */
export const bssPriceListRouter = router({
  list: staffProcedure.input(listPriceListsInput).query(({ ctx, input }) => listPriceLists(ctx.deps, input)),
  get: staffProcedure.input(byId).query(({ ctx, input }) => getPriceList(ctx.deps, input.id)),
  create: staffProcedure
    .input(priceListInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => createPriceList(ctx.deps, input)),
  update: staffProcedure.input(updatePriceListInput).mutation(({ ctx, input }) => updatePriceList(ctx.deps, input)),
  delete: staffProcedure.input(byId).mutation(({ ctx, input }) => deletePriceList(ctx.deps, input.id)),
  setEntry: staffProcedure.input(priceListEntryInput).mutation(({ ctx, input }) => setPriceListEntry(ctx.deps, input)),
  removeEntry: staffProcedure
    .input(removePriceListEntryInput)
    .mutation(({ ctx, input }) => removePriceListEntry(ctx.deps, input)),
});
