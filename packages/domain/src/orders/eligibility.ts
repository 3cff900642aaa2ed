import type { Prisma } from "@cm/db";
import type { ShopCaller, StorefrontContext } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { loadSaleAccounts, saleAccount } from "../tax/tax-context.ts";

type Tx = Prisma.TransactionClient;
type Db = DomainDeps["db"] | Tx;

export interface Buyer {
  id: string;
  kind: "RESELLER" | "DIRECT_CUSTOMER";
  companyName: string;
  currency: string;
}

/**
 * Who may be billed: an active reseller or direct customer. For BitTitan
 * licenses (`bittitan`, the default) it must also be synchronized with
 * BitTitan (provisioning uses its credentials, also for its end-customers), on
 * an instance whose Service Manager is active; an order of plan lines only
 * needs neither.
 */
export async function loadBuyer(
  tx: Tx,
  accountId: string,
  needs: { bittitan: boolean } = { bittitan: true },
): Promise<Buyer> {
  // The sale's accounts, read once for the transaction: pricing's tax and the invoice's snapshots come from them.
  const account = saleAccount(await loadSaleAccounts(tx, accountId), accountId);
  if (!account || account.kind === "DISTRIBUTOR")
    throw new DomainError("NOT_FOUND", "The account was not found", "accountId");
  if (account.kind === "END_CUSTOMER") {
    throw new DomainError(
      "INVALID",
      "Bill the end-customer's reseller and choose the end-customer as the recipient",
      "accountId",
    );
  }
  if (account.status !== "ACTIVE")
    throw new DomainError("PRECONDITION_FAILED", "This account is inactive and cannot order");
  const buyer: Buyer = {
    id: account.id,
    kind: account.kind,
    companyName: account.companyName,
    currency: account.currency,
  };
  if (!needs.bittitan) return buyer;
  if (account.bittitanSyncStatus !== "SYNCHRONIZED") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This account must be synchronized with BitTitan by the distributor before it can order BitTitan products",
    );
  }
  const connection = await tx.bitTitanConnection.findUnique({ where: { id: 1 }, select: { active: true } });
  if (!connection?.active)
    throw new DomainError(
      "PRECONDITION_FAILED",
      "BitTitan products cannot be ordered until the distributor activates the BitTitan Service Manager",
    );
  return buyer;
}

/** The recipient is the buyer itself or, for a reseller, one of its own active end-customers. */
export async function checkRecipient(
  tx: Tx,
  buyer: Buyer,
  recipientAccountId: string | null | undefined,
): Promise<{ id: string; companyName: string }> {
  if (!recipientAccountId || recipientAccountId === buyer.id) return { id: buyer.id, companyName: buyer.companyName };
  const recipient =
    buyer.kind === "RESELLER"
      ? await tx.account.findFirst({
          where: { id: recipientAccountId, parentId: buyer.id, kind: "END_CUSTOMER" },
          select: { id: true, companyName: true, status: true },
        })
      : null;
  if (!recipient)
    throw new DomainError(
      "INVALID",
      "Choose yourself or one of your own end-customers as the recipient",
      "recipientAccountId",
    );
  if (recipient.status !== "ACTIVE")
    throw new DomainError("INVALID", "That end-customer is inactive", "recipientAccountId");
  return { id: recipient.id, companyName: recipient.companyName };
}

/** The storefront an end-customer caller is buying at (null: not an end-customer at its reseller's storefront). */
export function resellerSelling(caller: ShopCaller): StorefrontContext | null {
  return caller.accountKind === "END_CUSTOMER" && caller.storefront ? caller.storefront : null;
}

/** Why the end-customers of a storefront cannot order BitTitan licenses there now, in their words. */
const cannotSellNow = (storefront: StorefrontContext) =>
  `${storefront.displayName} cannot take orders for BitTitan licenses at the moment. Please contact ${storefront.displayName}.`;

/**
 * Whether a storefront's end-customers can order BitTitan licenses now: the
 * storefront open, its reseller active and synchronized with BitTitan (tier 2:
 * its credentials provision the coupons), the Service Manager active. The
 * reason is said plainly, without the distributor's vocabulary.
 */
export async function storefrontSaleBlocked(
  db: Db,
  storefront: StorefrontContext,
): Promise<{ blocked: string | null; currency: string; bittitanSyncStatus: string }> {
  const [reseller, connection, row] = await Promise.all([
    db.account.findUniqueOrThrow({
      where: { id: storefront.accountId },
      select: { status: true, currency: true, bittitanSyncStatus: true },
    }),
    db.bitTitanConnection.findUnique({ where: { id: 1 }, select: { active: true } }),
    db.resellerStorefront.findUnique({ where: { id: storefront.id }, select: { closedAt: true } }),
  ]);
  const canSell =
    !!row &&
    row.closedAt === null &&
    reseller.status === "ACTIVE" &&
    reseller.bittitanSyncStatus === "SYNCHRONIZED" &&
    !!connection?.active;
  return {
    blocked: canSell ? null : cannotSellNow(storefront),
    currency: reseller.currency,
    bittitanSyncStatus: reseller.bittitanSyncStatus,
  };
}

/**
 * A two-tier sale (an end-customer's contact at its reseller's storefront):
 * the reseller is the buyer (billed by the distributor, its credentials
 * provision the coupon) and the end-customer, which must still be the
 * reseller's and active, is the recipient. Refused in the end-customer's words.
 */
export async function loadStorefrontSale(
  tx: Tx,
  caller: ShopCaller,
  storefront: StorefrontContext,
): Promise<{ buyer: Buyer; recipient: { id: string; companyName: string } }> {
  const sale = await storefrontSaleBlocked(tx, storefront);
  if (sale.blocked) throw new DomainError("PRECONDITION_FAILED", sale.blocked);
  const endCustomer = await tx.account.findFirst({
    where: { id: caller.accountId, kind: "END_CUSTOMER", parentId: storefront.accountId },
    select: { id: true, companyName: true, status: true },
  });
  if (!endCustomer || endCustomer.status !== "ACTIVE")
    throw new DomainError("FORBIDDEN", `Your company cannot order at ${storefront.displayName}'s storefront`);
  const buyer = await loadBuyer(tx, storefront.accountId, { bittitan: true });
  return { buyer, recipient: { id: endCustomer.id, companyName: endCustomer.companyName } };
}
