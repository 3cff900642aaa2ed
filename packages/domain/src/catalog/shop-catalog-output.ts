import { z } from "zod";
import { moneyOutput, outputSchemaOf } from "../schemas/output.ts";
import type { CatalogDto, CatalogProductDto } from "./shop-catalog.ts";
import { taxRegimeOutput } from "../tax/tax-output.ts";

const catalogProductOutput = outputSchemaOf<CatalogProductDto>()(
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    licenseCoverage: z.string(),
    productTypeName: z.string(),
    category: z.object({ id: z.string(), name: z.string() }).nullable(),
    expireDays: z.number(),
    validityDays: z.number(),
    currency: z.string(),
    unitPrice: moneyOutput.nullable(),
    taxRate: moneyOutput,
    taxRegime: taxRegimeOutput,
    unitGross: moneyOutput.nullable(),
    storefrontPrice: moneyOutput.nullable(),
  }),
);

export const catalogOutput = outputSchemaOf<CatalogDto>()(
  z.object({
    currency: z.string(),
    synchronized: z.boolean(),
    categories: z.array(z.object({ id: z.string(), name: z.string() })),
    elsewhere: z.number(),
    products: z.array(catalogProductOutput),
  }),
);

export const catalogProductPageOutput = outputSchemaOf<CatalogProductDto & { synchronized: boolean }>()(
  catalogProductOutput.extend({ synchronized: z.boolean() }),
);
