import { z } from "zod";
import { amountSchema } from "./catalog.ts";
import { taxCategorySchema } from "./tax.ts";
import { currencySchema, idSchema, pageSchema, requiredText, text } from "./common.ts";
import { storefrontAliasInput } from "./orders.ts";

export const updatePlanInput = z.object({
  id: idSchema,
  name: requiredText("Name", 60),
  description: requiredText("Description", 2000),
  features: z.array(requiredText("Feature", 200)).max(20, { message: "At most 20 features" }),
  taxCategory: taxCategorySchema,
  billingPeriodMonths: z
    .number({ message: "Enter a number of months" })
    .int({ message: "Whole months only" })
    .min(1, { message: "At least 1 month" })
    .max(36, { message: "At most 36 months" }),
  published: z.boolean(),
  prices: z
    .array(z.object({ currency: currencySchema, unitPrice: amountSchema }))
    .max(20)
    .refine((prices) => new Set(prices.map((price) => price.currency)).size === prices.length, {
      message: "One price per currency",
    }),
});

export const checkAliasInput = z.object({ alias: storefrontAliasInput });
export const bssCheckAliasInput = checkAliasInput.extend({ accountId: idSchema });

export const listSubscriptionsInput = pageSchema.extend({
  accountId: idSchema.optional(),
  status: z.enum(["ACTIVE", "PENDING_CANCELLATION", "CANCELLED"]).optional(),
  search: text().trim().max(60).optional(),
});

const hexColor = text()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: "Enter a colour like #0f766e" });
const markupSchema = z
  .string({ message: "Enter a markup" })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: "Enter a markup between 0 and 999.99 percent" });

export const updateMyStorefrontInput = z.object({
  displayName: requiredText("Storefront name", 80),
  primaryColor: hexColor,
  markupPercent: markupSchema,
});

export const setMarkupInput = z.object({ productId: idSchema, markupPercent: markupSchema.nullable() });

export type UpdatePlanInput = z.infer<typeof updatePlanInput>;
export type ListSubscriptionsInput = z.infer<typeof listSubscriptionsInput>;
export type UpdateMyStorefrontInput = z.infer<typeof updateMyStorefrontInput>;
