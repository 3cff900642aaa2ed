import { z } from "zod";
import {
  currencySchema,
  idSchema,
  optionalText,
  pageSchema,
  requiredText,
  searchSchema,
  choiceSchema,
} from "./common.ts";
import { taxCategorySchema } from "./tax.ts";

export const amountSchema = z
  .string({ message: "Enter a price" })
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, { message: "Enter a price like 12.50 (at most 2 decimals)" });

const daysSchema = z
  .number({ message: "Enter a number of days" })
  .int({ message: "Whole days only" })
  .min(1, { message: "At least 1 day" })
  .max(3650, { message: "At most 3650 days" });

export const productInput = z.object({
  productTypeId: choiceSchema("Choose a product type"),
  sku: requiredText("SKU", 40).regex(/^[A-Za-z0-9._-]+$/, { message: "Use letters, digits, dot, dash or underscore" }),
  name: requiredText("Name", 120),
  description: requiredText("Description", 5000),
  licenseCoverage: requiredText("What the license covers", 2000),
  taxCategory: taxCategorySchema,
  categoryId: choiceSchema("Choose a category").nullish(),
  published: z.boolean(),
  expireDaysOverride: daysSchema.nullish(),
  validityDaysOverride: daysSchema.nullish(),
  prices: z
    .array(z.object({ currency: currencySchema, unitPrice: amountSchema }))
    .min(1, { message: "Give the product at least one price" })
    .max(20)
    .refine((prices) => new Set(prices.map((price) => price.currency)).size === prices.length, {
      message: "One price per currency",
    }),
});

export const createProductInput = productInput;
export const updateProductInput = productInput.extend({ id: idSchema });

export const listProductsInput = pageSchema.extend({
  search: searchSchema,
  categoryId: idSchema.optional(),
  productTypeId: idSchema.optional(),
  published: z.boolean().optional(),
});

export const categoryInput = z.object({
  name: requiredText("Name", 80),
  description: optionalText("Description", 500),
  position: z.number().int().min(0).max(10_000).default(0),
});

export const productTypeUpdateInput = z.object({
  id: idSchema,
  expireDays: daysSchema,
  validityDays: daysSchema,
});

export const productGroupInput = z.object({
  productIds: z
    .array(idSchema)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, { message: "A product appears only once in the group" }),
});

export const browseCatalogInput = z.object({
  search: searchSchema,
  categoryId: idSchema.optional(),
});

export type ProductInput = z.infer<typeof productInput>;
export type ListProductsInput = z.infer<typeof listProductsInput>;
export type CategoryInput = z.infer<typeof categoryInput>;
