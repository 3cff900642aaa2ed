import { z } from "zod";
import { idSchema, pageSchema, text, choiceSchema } from "./common.ts";

export const quantitySchema = z
  .number({ message: "Enter a number of licenses" })
  .int({ message: "Licenses are bought in whole numbers" })
  .min(1, { message: "Order at least 1 license" })
  .max(10_000, { message: "At most 10,000 licenses per line" });

export const assetNameSchema = text()
  .trim()
  .min(1, { message: "Give the asset a name" })
  .max(120, { message: "At most 120 characters" });

export const addToBasketInput = z.object({ productId: idSchema, quantity: quantitySchema.default(1) });
export const updateBasketLineInput = z.object({
  lineId: idSchema,
  quantity: quantitySchema,
  assetName: assetNameSchema,
});
export const setRecipientInput = z.object({
  recipientAccountId: choiceSchema("Choose who receives the licenses").nullable(),
});
/** As typed; normalized (trimmed, lower-cased) and checked by the plan services, which explain what is wrong. */
export const storefrontAliasInput = text().max(100, { message: "The alias can have at most 40 characters" });

export const completeCheckoutInput = z.object({
  idempotencyKey: z.uuid({ message: "The idempotency key must be a UUID" }),
  basketVersion: z.number().int().min(0),
  /** The Storefront alias, when the basket holds a reseller plan. */
  storefrontAlias: storefrontAliasInput.nullish(),
});

export const productOrderLineInput = z.object({
  productId: choiceSchema("Choose a product"),
  quantity: quantitySchema,
  assetName: assetNameSchema.nullish(),
});
/** A reseller plan line: its alias may be set later, but before the order is executed. */
export const planOrderLineInput = z.object({
  planId: choiceSchema("Choose a plan"),
  storefrontAlias: storefrontAliasInput.nullish(),
});
export const orderLineInput = z.union([productOrderLineInput, planOrderLineInput]);

export const draftOrderInput = z.object({
  accountId: choiceSchema("Choose the account to bill"),
  recipientAccountId: choiceSchema("Choose who receives the licenses").nullish(),
  lines: z.array(orderLineInput).min(1, { message: "Add at least one product" }).max(50),
});

export const listOrdersInput = pageSchema.extend({
  accountId: idSchema.optional(),
  status: z.enum(["DRAFT", "COMPLETED", "CANCELLED"]).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  search: text().trim().max(40).optional(),
});

export type DraftOrderInput = z.infer<typeof draftOrderInput>;
export type ListOrdersInput = z.infer<typeof listOrdersInput>;
