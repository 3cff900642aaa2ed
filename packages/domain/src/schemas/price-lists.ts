import { z } from "zod";
import { amountSchema } from "./catalog.ts";
import { currencySchema, idSchema, optionalText, requiredText } from "./common.ts";

export const priceListInput = z.object({
  name: requiredText("Name", 80),
  currency: currencySchema,
  description: optionalText("Description", 500),
});

export const updatePriceListInput = priceListInput.extend({ id: idSchema });

export const listPriceListsInput = z.object({
  /** Only the lists an account buying in this currency can have. */
  currency: currencySchema.optional(),
});

export const priceListEntryInput = z.object({
  priceListId: idSchema,
  productId: idSchema,
  unitPrice: amountSchema,
});

export const removePriceListEntryInput = priceListEntryInput.omit({ unitPrice: true });

export type PriceListInput = z.infer<typeof priceListInput>;
export type PriceListEntryInput = z.infer<typeof priceListEntryInput>;
