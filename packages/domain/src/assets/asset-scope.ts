import type { Prisma } from "@cm/db";
import type { ShopCaller } from "../callers.ts";

/**
 * The assets a Storefront caller may see: those its account bought (a
 * reseller's include those bought for its end-customers) and those it received.
 */
export function shopAssetScope(caller: ShopCaller): Prisma.AssetWhereInput {
  // The recipient is always the buyer or one of the buyer's end-customers (checkRecipient, editAsset),
  // so one equality says the same as the OR, and PostgreSQL walks one (account, purchaseDate) index in order.
  return caller.accountKind === "END_CUSTOMER" ? { recipientAccountId: caller.accountId } : { accountId: caller.accountId };
}

/** Only the buyer changes or cancels an asset from the Storefront. */
export function shopAssetOwnerScope(caller: ShopCaller): Prisma.AssetWhereInput {
  return { accountId: caller.accountId };
}
