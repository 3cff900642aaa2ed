import { z } from "zod";
import { createCategory, deleteCategory, listCategories, updateCategory } from "../../catalog/categories.ts";
import { getProductGroup, setProductGroup } from "../../catalog/product-group.ts";
import { listProductTypes, updateProductType } from "../../catalog/product-types.ts";
import { createProduct, getProduct, listProducts, setProductPublished, updateProduct } from "../../catalog/products.ts";
import { idempotent } from "../../idempotency.ts";
import {
  categoryInput,
  createProductInput,
  listProductsInput,
  productGroupInput,
  productTypeUpdateInput,
  updateProductInput,
} from "../../schemas/catalog.ts";
import { idSchema } from "../../schemas/common.ts";
import { productOutput, productPageOutput } from "../../catalog/product-output.ts";
import { router, staffProcedure } from "../../trpc.ts";

const byId = z.object({ id: idSchema });

export const bssCatalogRouter = router({
  productTypes: staffProcedure.query(({ ctx }) => listProductTypes(ctx.deps)),
  updateProductType: staffProcedure
    .input(productTypeUpdateInput)
    .mutation(({ ctx, input }) => updateProductType(ctx.deps, input)),
  listProducts: staffProcedure
    .meta({ rest: { method: "GET", path: "/distributor/products", tags: ["Catalog"], summary: "List products" } })
    .input(listProductsInput)
    .output(productPageOutput)
    .query(({ ctx, input }) => listProducts(ctx.deps, input)),
  getProduct: staffProcedure
    .meta({ rest: { method: "GET", path: "/distributor/products/{id}", tags: ["Catalog"], summary: "Read a product" } })
    .input(byId)
    .output(productOutput)
    .query(({ ctx, input }) => getProduct(ctx.deps, input.id)),
  createProduct: staffProcedure
    .input(createProductInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => createProduct(ctx.deps, input)),
  updateProduct: staffProcedure.input(updateProductInput).mutation(({ ctx, input }) => updateProduct(ctx.deps, input)),
  setPublished: staffProcedure
    .input(z.object({ id: idSchema, published: z.boolean() }))
    .mutation(({ ctx, input }) => setProductPublished(ctx.deps, input)),
  categories: staffProcedure.query(({ ctx }) => listCategories(ctx.deps)),
  createCategory: staffProcedure.input(categoryInput).mutation(({ ctx, input }) => createCategory(ctx.deps, input)),
  updateCategory: staffProcedure
    .input(categoryInput.extend({ id: idSchema }))
    .mutation(({ ctx, input }) => updateCategory(ctx.deps, input)),
  deleteCategory: staffProcedure.input(byId).mutation(({ ctx, input }) => deleteCategory(ctx.deps, input.id)),
  productGroup: staffProcedure.query(({ ctx }) => getProductGroup(ctx.deps)),
  setProductGroup: staffProcedure
    .input(productGroupInput)
    .mutation(({ ctx, input }) => setProductGroup(ctx.deps, input.productIds)),
});
