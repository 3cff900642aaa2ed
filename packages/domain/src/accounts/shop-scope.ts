import type { Prisma } from "@cm/db";
import type { ShopCaller } from "../callers.ts";
import { DomainError } from "../errors.ts";

/**
 * The accounts a Storefront caller may see: its own and, for a reseller, its
 * own end-customers. Every storefront query about accounts starts here.
 */
export function visibleAccountsWhere(caller: ShopCaller): Prisma.AccountWhereInput {
  if (caller.accountKind === "RESELLER") {
    return { OR: [{ id: caller.accountId }, { parentId: caller.accountId, kind: "END_CUSTOMER" }] };
  }
  return { id: caller.accountId };
}

/** The caller's end-customers (none unless it is a reseller). */
export function endCustomersWhere(caller: ShopCaller): Prisma.AccountWhereInput {
  if (caller.accountKind !== "RESELLER") return { id: { in: [] } };
  return { parentId: caller.accountId, kind: "END_CUSTOMER" };
}

export function assertReseller(caller: ShopCaller): void {
  if (caller.accountKind !== "RESELLER") {
    throw new DomainError("FORBIDDEN", "Only resellers have end-customers");
  }
}
