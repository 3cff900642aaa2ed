import { z } from "zod";
import { daySchema, positiveAmountSchema } from "./billing.ts";
import { idSchema, pageSchema } from "./common.ts";

/** A reseller's special price: one product, one of its end-customers, excl. tax in the reseller's currency. */
export const setSpecialPriceInput = z.object({
  endCustomerAccountId: idSchema,
  productId: idSchema,
  unitPrice: positiveAmountSchema,
});

export const removeSpecialPriceInput = z.object({ endCustomerAccountId: idSchema, productId: idSchema });

/** The reseller's Sales (Storefront) and a reseller's storefront orders (BSS): filters kept in the URL. */
export const storefrontSalesInput = pageSchema.extend({
  endCustomerAccountId: idSchema.optional(),
  from: daySchema("From").optional(),
  to: daySchema("To").optional(),
});

export const storefrontDocumentsInput = storefrontSalesInput.extend({
  kind: z.enum(["INVOICE", "CREDIT"]).optional(),
});

export const bssStorefrontSalesInput = storefrontSalesInput.extend({ accountId: idSchema });

export type SetSpecialPriceInput = z.infer<typeof setSpecialPriceInput>;
export type StorefrontSalesInput = z.infer<typeof storefrontSalesInput>;
export type StorefrontDocumentsInput = z.infer<typeof storefrontDocumentsInput>;
