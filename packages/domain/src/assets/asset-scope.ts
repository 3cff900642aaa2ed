import type { Prisma } from "@cm/db";
import type { Caller, ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";

/**
 * The assets `caller` may see, the one place an asset service's where-clause
 * starts. Staff see every asset (their role is checked by the permission
 * table); `accountId` narrows a staff list to one account's assets. A
 * Storefront caller sees its own (shopAssetScope), and with `change` only
 * those it may change or cancel (shopAssetOwnerScope).
 */
export async function assetScopeFor(
  deps: DomainDeps,
  caller: Caller,
  options: { accountId?: string; change?: boolean } = {},
): Promise<Prisma.AssetWhereInput> {
  if (caller.kind === "staff") return staffAssetScope(deps, options.accountId);
  return options.change ? shopAssetOwnerScope(caller) : shopAssetScope(caller);
}

/**
 * The assets a Storefront caller may see: those its account bought (a
 * reseller's include those bought for its end-customers) and those it received.
 */
function shopAssetScope(caller: ShopCaller): Prisma.AssetWhereInput {
  // The recipient is always the buyer or one of the buyer's end-customers (checkRecipient, editAsset),
  // so one equality says the same as the OR, and PostgreSQL walks one (account, purchaseDate) index in order.
  return caller.accountKind === "END_CUSTOMER"
    ? { recipientAccountId: caller.accountId }
    : { accountId: caller.accountId };
}

/**
 * Only the buyer changes or cancels an asset from the Storefront, and an
 * end-customer what it ordered itself at its reseller's storefront (the
 * reseller, as the buyer, may too).
 */
function shopAssetOwnerScope(caller: ShopCaller): Prisma.AssetWhereInput {
  return caller.accountKind === "END_CUSTOMER"
    ? { recipientAccountId: caller.accountId, order: { placedByAccountId: caller.accountId } }
    : { accountId: caller.accountId };
}

/** Staff: an account's assets are those it was billed for or, for an end-customer, those it received. */
export async function staffAssetScope(
  deps: DomainDeps,
  accountId: string | undefined,
): Promise<Prisma.AssetWhereInput> {
  if (!accountId) return {};
  const account = await deps.db.account.findUnique({ where: { id: accountId }, select: { kind: true } });
  if (!account) throw new DomainError("NOT_FOUND", "The account was not found", "accountId");
  return account.kind === "END_CUSTOMER" ? { recipientAccountId: accountId } : { accountId };
}
