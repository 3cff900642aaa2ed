import { z } from "zod";
import { browseCatalog, getCatalogProduct } from "../../catalog/shop-catalog.ts";
import { browseCatalogInput } from "../../schemas/catalog.ts";
import { text } from "../../schemas/common.ts";
import { router, storefrontProcedure } from "../../trpc.ts";
import { catalogOutput, catalogProductPageOutput } from "../../catalog/shop-catalog-output.ts";

export const storefrontCatalogRouter = router({
  browse: storefrontProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reseller/catalog",
        tags: ["Catalog"],
        summary: "Browse the catalog",
        description: "The products the reseller may buy, at its prices.",
      },
    })
    .input(browseCatalogInput)
    .output(catalogOutput)
    .query(({ ctx, input }) => browseCatalog(ctx.deps, ctx.shop, input)),
  product: storefrontProcedure
    .meta({ rest: { method: "GET", path: "/reseller/catalog/{slug}", tags: ["Catalog"], summary: "Read a product" } })
    .input(z.object({ slug: text().trim().min(1).max(100) }))
    .output(catalogProductPageOutput)
    .query(({ ctx, input }) => getCatalogProduct(ctx.deps, ctx.shop, input)),
});
