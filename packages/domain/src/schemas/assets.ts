import { z } from "zod";
import { idSchema, text, choiceSchema } from "./common.ts";
import { assetNameSchema } from "./orders.ts";

export const listAssetsInput = z.object({
  accountId: idSchema.optional(),
  productId: idSchema.optional(),
  syncStatus: z.enum(["PENDING", "SYNCHRONIZED", "FAILED"]).optional(),
  couponState: z.enum(["ACTIVE", "REDEEMED", "EXPIRED", "CANCELLED"]).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** Any part of the asset name or coupon code. */
  search: text().trim().min(1).max(60).optional(),
  sort: z.enum(["newest", "oldest", "name"]).default("newest"),
  /** From the previous page's nextCursor. */
  cursor: text().max(300).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

/** The list's filters without its paging: the assets "Retry all failed" acts on (the FAILED ones among them). */
export const assetFilterInput = listAssetsInput.pick({
  accountId: true,
  productId: true,
  syncStatus: true,
  couponState: true,
  from: true,
  to: true,
  search: true,
});

export const retryProgressInput = z.object({
  /** The `batch` retryFailed answered: the moment its retry window opened. */
  batch: text().pipe(z.iso.datetime({ message: "Not a valid batch" })),
});

export const editAssetInput = z.object({
  id: idSchema,
  name: assetNameSchema,
  /** The buyer itself or one of its end-customers. */
  recipientAccountId: choiceSchema("Choose who receives the licenses"),
});

export const attachCouponInput = z.object({
  id: idSchema,
  couponCode: text().trim().toUpperCase().min(4).max(40),
});

export type ListAssetsInput = z.infer<typeof listAssetsInput>;
export type AssetFilterInput = z.infer<typeof assetFilterInput>;
