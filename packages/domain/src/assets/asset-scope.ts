import type { Prisma } from "@cm/db";
import type { ShopCaller } from "../callers.ts";

/**
 * The assets a Storefront caller may see: those its account bought (a
 * reseller's include those bought for its end-customers) and those it received.
 */
export function shopAssetScope(caller: ShopCaller): Prisma.AssetWhereInput {
  return { OR: [{ accountId: caller.accountId }, { recipientAccountId: caller.accountId }] };
}

/** Only the buyer changes or cancels an asset from the Storefront. */
export function shopAssetOwnerScope(caller: ShopCaller): Prisma.AssetWhereInput {
  return { accountId: caller.accountId };
}
