import type { Prisma } from "@cm/db";
import { DomainError } from "../errors.ts";

type Tx = Prisma.TransactionClient;

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
  const account = await tx.account.findUnique({
    where: { id: accountId },
    select: { id: true, kind: true, status: true, companyName: true, currency: true, bittitanSyncStatus: true },
  });
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
