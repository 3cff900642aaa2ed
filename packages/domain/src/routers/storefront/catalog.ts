import { z } from "zod";
import { browseCatalog, getCatalogProduct } from "../../catalog/shop-catalog.ts";
import { browseCatalogInput } from "../../schemas/catalog.ts";
import { text } from "../../schemas/common.ts";
import { router, storefrontProcedure } from "../../trpc.ts";
import { catalogOutput, catalogProductPageOutput } from "../../catalog/shop-catalog-output.ts";

export const storefrontCatalogRouter = router({
  browse: storefrontProcedure
    .input(browseCatalogInput)
    .output(catalogOutput)
    .query(({ ctx, input }) => browseCatalog(ctx.deps, ctx.shop, input)),
  product: storefrontProcedure
    .input(z.object({ slug: text().trim().min(1).max(100) }))
    .output(catalogProductPageOutput)
    .query(({ ctx, input }) => getCatalogProduct(ctx.deps, ctx.shop, input)),
});
