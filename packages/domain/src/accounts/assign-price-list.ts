import type { AccountKind, Prisma } from "@cm/db";
import { DomainError } from "../errors.ts";

/**
 * The price list an account may have (null: none): only accounts that buy
 * (resellers and direct customers) have one, and it must be in the account's
 * currency, because it prices what the account is invoiced in that currency.
 * Returns the id to store; checked whenever an account's list or currency changes.
 */
export async function checkPriceListFor(
  tx: Prisma.TransactionClient,
  account: { kind: AccountKind; currency: string },
  priceListId: string | null,
): Promise<string | null> {
  if (priceListId === null) return null;
  if (account.kind !== "RESELLER" && account.kind !== "DIRECT_CUSTOMER") {
    throw new DomainError(
      "INVALID",
      "Only resellers and direct customers buy, so only they have a price list",
      "priceListId",
    );
  }
  const list = await tx.priceList.findUnique({ where: { id: priceListId }, select: { name: true, currency: true } });
  if (!list) throw new DomainError("INVALID", "That price list does not exist", "priceListId");
  if (list.currency !== account.currency) {
    throw new DomainError(
      "INVALID",
      `The price list ${list.name} is in ${list.currency}: an account buying in ${account.currency} needs a price list in ${account.currency}, or none`,
      "priceListId",
    );
  }
  return priceListId;
}
