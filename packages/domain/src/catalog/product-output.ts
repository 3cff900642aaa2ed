import { ProductTypeKind, TaxCategory } from "@cm/db";
import { z } from "zod";
import type { Page } from "../schemas/common.ts";
import { moneyOutput, outputSchemaOf, pageOutput } from "../schemas/output.ts";
import type { ProductDto } from "./product-dto.ts";

/** A product as the distributor defines it (the back office and a distributor's API key). */
export const productOutput = outputSchemaOf<ProductDto>()(
  z.object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    licenseCoverage: z.string(),
    taxCategory: z.enum(TaxCategory),
    published: z.boolean(),
    category: z.object({ id: z.string(), name: z.string() }).nullable(),
    productType: z.object({
      id: z.string(),
      kind: z.enum(ProductTypeKind),
      name: z.string(),
      expireDays: z.number(),
      validityDays: z.number(),
    }),
    expireDays: z.number(),
    validityDays: z.number(),
    expireDaysOverride: z.number().nullable(),
    validityDaysOverride: z.number().nullable(),
    prices: z.array(z.object({ currency: z.string(), unitPrice: moneyOutput })),
    groupPosition: z.number().nullable(),
    updatedAt: z.date(),
  }),
);

export const productPageOutput = outputSchemaOf<Page<ProductDto>>()(pageOutput(productOutput));
