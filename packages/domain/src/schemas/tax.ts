import { z } from "zod";
import { daySchema } from "./billing.ts";
import { countrySchema, text } from "./common.ts";

/** What a product or plan is for VAT (the rate comes from the tax table by place of supply). */
export const taxCategories = ["STANDARD", "EXEMPT"] as const;
export const taxCategorySchema = z.enum(taxCategories, { message: "Choose standard rate or exempt" });

export const taxRateSchema = text({ message: "Enter a tax rate" })
  .trim()
  .regex(/^\d{1,2}(\.\d{1,2})?$|^100(\.0{1,2})?$/, { message: "Enter a tax rate between 0 and 100 (e.g. 19 or 25.5)" });

/** BSS > Catalog > Tax rates: a country's new standard rate from a day on. */
export const addTaxRateInput = z.object({
  country: countrySchema,
  rate: taxRateSchema,
  validFrom: daySchema("The first day of the rate"),
});

export type AddTaxRateInput = z.infer<typeof addTaxRateInput>;
