import { randomUUID } from "node:crypto";
import { isUniqueViolation, type Prisma } from "@cm/db";
import { actorOf, type ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { KEY_REUSED_MESSAGE } from "../idempotency.ts";
import { checkRecipient, loadBuyer, loadStorefrontSale, resellerSelling } from "./eligibility.ts";
import { priceResale } from "./resale-lines.ts";
import { finalizeOrder, wakeOrderWorkers } from "./finalize-order.ts";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import { hasProductLines, priceLines, requestedLineOf } from "./price-lines.ts";
import { getBasketAndBilling } from "./basket.ts";
import type { BasketDto } from "./basket-dto.ts";
import { toBillingAddress, type BillingAddressDto } from "../accounts/account-dto.ts";

export interface CheckoutReviewDto {
  basket: BasketDto;
  billing: { companyName: string; email: string; taxId: string | null; address: BillingAddressDto };
  billingContact: { name: string; email: string; phone: string | null } | null;
}

/** Checkout step 2: what will be billed to whom, for verification. */
export async function reviewCheckout(deps: DomainDeps, caller: ShopCaller): Promise<CheckoutReviewDto> {
  // The billed account's row comes with the basket's: one statement, not the account's every contact and end-customer.
  const { basket, account } = await getBasketAndBilling(deps, caller);
  const contact = account.primaryContact;
  return {
    basket,
    billing: {
      companyName: account.companyName,
      email: account.email,
      taxId: account.taxId,
      address: toBillingAddress(account),
    },
    billingContact: contact
      ? { name: `${contact.firstName} ${contact.lastName}`, email: contact.email, phone: contact.phone }
      : null,
  };
}

export interface CheckoutResult {
  orderId: string;
  orderNumber: string;
  /** True when this was a repeat of an order already placed with the same key. */
  replayed: boolean;
}

/**
 * "Complete order", exactly once: the same key returns the order it made; a
 * basket changed since it was reviewed (another tab, another click) is
 * refused; and the basket is emptied in the order's own transaction.
 *
 * An end-customer's contact at its reseller's storefront places a two-tier
 * order: its reseller is the buyer (loadStorefrontSale), the end-customer the
 * recipient, and finalizeOrder also issues the reseller's invoice to it at the
 * storefront prices. The key is the caller's (unique per placing account).
 */
export async function completeCheckout(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { idempotencyKey: string; basketVersion: number; storefrontAlias?: string | null },
): Promise<CheckoutResult> {
  if (caller.accountKind === "END_CUSTOMER" && !resellerSelling(caller))
    throw new DomainError("FORBIDDEN", "End-customers order at their reseller's storefront");
  const fingerprint = `basket:${input.basketVersion};alias:${input.storefrontAlias ?? ""}`;
  try {
    const result = await deps.db.$transaction(async (tx) => {
      // The version check locks the basket row: concurrent checkouts of one basket run one after the other.
      // A repeat of a completed checkout finds the version moved on, and is answered with its order below.
      const basket = await takeBasket(tx, caller.contactId, input.basketVersion, deps.clock.now());
      if (!basket) throw new BasketChanged();
      if (basket.lines.length === 0) throw new DomainError("INVALID", "Your basket is empty");
      // The alias a plan line needs is given at checkout (step 2).
      const requested = basket.lines.map((line) =>
        requestedLineOf({ ...line, storefrontAlias: input.storefrontAlias ?? null }),
      );
      const storefront = resellerSelling(caller);
      const sale = storefront ? await loadStorefrontSale(tx, caller, storefront) : null;
      const buyer = sale?.buyer ?? (await loadBuyer(tx, caller.accountId, { bittitan: hasProductLines(requested) }));
      const recipient =
        sale?.recipient ??
        (await checkRecipient(tx, buyer, hasProductLines(requested) ? basket.recipientAccountId : null));
      const priced = await priceLines(tx, buyer, requested, deps.clock.now());
      const resale = storefront
        ? await priceResale(tx, storefront, recipient.id, priced.lines, deps.clock.now())
        : undefined;
      const orderId = randomUUID();
      const finalized = await finalizeOrder(tx, deps, {
        orderId,
        accountId: buyer.id,
        recipient,
        currency: buyer.currency,
        lines: priced.lines,
        totals: priced.totals,
        actor: actorOf(caller),
        create: {
          channel: "STOREFRONT",
          idempotencyKey: input.idempotencyKey,
          requestFingerprint: fingerprint,
          placedByContactId: caller.contactId,
          placedByAccountId: caller.accountId,
        },
        resale,
      });
      return { orderId, orderNumber: formatOrderNumber(finalized.number), replayed: false };
    });
    wakeOrderWorkers(deps);
    return result;
  } catch (error) {
    // A concurrent request with the same key won the race: answer with its order.
    const raced = error instanceof BasketChanged || isUniqueViolation(error);
    if (raced) {
      const winner = await findByKey(deps, caller, input.idempotencyKey, fingerprint);
      if (winner) return winner;
      throw new DomainError(
        "CONFLICT",
        "Your basket changed since you reviewed it (in another tab?). Please review it again.",
      );
    }
    throw error;
  }
}

class BasketChanged extends Error {}

interface TakenBasket {
  id: string;
  recipientAccountId: string | null;
  lines: { productId: string | null; planId: string | null; quantity: number; assetName: string | null }[];
}

/**
 * The basket at this version, emptied for its order, in two statements: the
 * row is locked and its version moved on (null when it is not at `version`:
 * changed since it was reviewed, or already checked out), and its lines are
 * deleted and returned in the order they were added. The transaction's
 * rollback (an empty basket, any refusal) gives everything back.
 */
async function takeBasket(tx: Prisma.TransactionClient, contactId: string, version: number, now: Date) {
  const [basket] = await tx.$queryRaw<{ id: string; recipientAccountId: string | null }[]>`
    UPDATE "Basket" AS b SET "version" = b."version" + 1, "recipientAccountId" = NULL, "updatedAt" = ${now}
    FROM (SELECT "id", "recipientAccountId" FROM "Basket"
          WHERE "contactId" = ${contactId}::uuid AND "version" = ${version} FOR UPDATE) AS old
    WHERE b."id" = old."id"
    RETURNING b."id", old."recipientAccountId"`;
  if (!basket) return null;
  const lines = await tx.$queryRaw<(TakenBasket["lines"][number] & { id: string; createdAt: Date })[]>`
    DELETE FROM "BasketLine" WHERE "basketId" = ${basket.id}::uuid
    RETURNING "id", "productId", "planId", "quantity", "assetName", "createdAt"`;
  lines.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    id: basket.id,
    recipientAccountId: basket.recipientAccountId,
    lines: lines.map(({ productId, planId, quantity, assetName }) => ({ productId, planId, quantity, assetName })),
  } satisfies TakenBasket;
}

/** The order this key made; another basket (version or alias) with the same key is refused. */
async function findByKey(
  deps: DomainDeps,
  caller: ShopCaller,
  idempotencyKey: string,
  fingerprint: string,
): Promise<CheckoutResult | null> {
  const order = await deps.db.order.findUnique({
    where: { placedByAccountId_idempotencyKey: { placedByAccountId: caller.accountId, idempotencyKey } },
    select: { id: true, number: true, requestFingerprint: true },
  });
  if (order?.requestFingerprint && order.requestFingerprint !== fingerprint)
    throw new DomainError("CONFLICT", KEY_REUSED_MESSAGE);
  return order ? { orderId: order.id, orderNumber: formatOrderNumber(order.number), replayed: true } : null;
}
