import { z } from "zod";
import { billingAddressOutput } from "../accounts/account-output.ts";
import { moneyOutput, outputSchemaOf, totalsOutput } from "../schemas/output.ts";
import type { BasketDto, BasketLineDto } from "./basket-dto.ts";
import { taxRegimeOutput } from "../tax/tax-output.ts";
import type { CheckoutResult, CheckoutReviewDto } from "./checkout.ts";

const basketLineOutput = outputSchemaOf<BasketLineDto>()(
  totalsOutput.extend({
    id: z.string(),
    kind: z.enum(["product", "plan"]),
    productId: z.string().nullable(),
    planId: z.string().nullable(),
    productName: z.string(),
    slug: z.string(),
    quantity: z.number(),
    assetName: z.string().nullable(),
    unitPrice: moneyOutput.nullable(),
    taxRate: moneyOutput,
    taxRegime: taxRegimeOutput.nullable(),
    billingPeriodMonths: z.number().nullable(),
    problem: z.string().nullable(),
  }),
);

export const basketOutput = outputSchemaOf<BasketDto>()(
  z.object({
    version: z.number(),
    currency: z.string(),
    synchronized: z.boolean(),
    needsSynchronization: z.boolean(),
    recipient: z.object({ id: z.string(), companyName: z.string(), isBuyer: z.boolean() }),
    lines: z.array(basketLineOutput),
    checkoutBlocked: z.string().nullable(),
    totals: totalsOutput,
    taxMention: z.string().nullable(),
  }),
);

export const checkoutReviewOutput = outputSchemaOf<CheckoutReviewDto>()(
  z.object({
    basket: basketOutput,
    billing: z.object({
      companyName: z.string(),
      email: z.string(),
      taxId: z.string().nullable(),
      address: billingAddressOutput,
    }),
    billingContact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  }),
);

export const checkoutResultOutput = outputSchemaOf<CheckoutResult>()(
  z.object({ orderId: z.string(), orderNumber: z.string(), replayed: z.boolean() }),
);
