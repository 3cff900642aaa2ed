import type { AssetStatus, AssetSyncStatus, Prisma } from "@cm/db";
import { revokeCouponIdempotently } from "@cm/provisioning";
import { actorOf, type Caller, type StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { issueInvoice } from "../billing/issue-invoice.ts";
import { queueNotification } from "../notifications/queue-notification.ts";
import { emitAssetWebhook } from "./asset-webhooks.ts";
import { businessTimeZone } from "../shared/business-time.ts";
import { formatMoney, negate } from "../shared/money.ts";
import type { AssetDetailDto } from "./asset-dto.ts";
import { cancellationVerdict, voidInvoiceReason } from "./cancellation.ts";
import { assetScopeFor } from "./asset-scope.ts";
import { assetDetailWithin } from "./get-asset.ts";
import { storefrontBrandOf } from "../shared/storefront-url.ts";

/**
 * Cancels an asset: within its window (the 15th calendar day after the
 * purchase date, on the distributor's calendar) and while its coupon is not
 * redeemed. Revokes the coupon at BitTitan (idempotently), marks the asset
 * cancelled, issues a credit invoice for the full amount of its invoice line
 * (applied to that invoice in the same transaction: what was still owed is
 * settled, what had been paid is refund due) and emails the recipient.
 * Cancelling a cancelled asset changes nothing.
 */
export async function cancelAsset(deps: DomainDeps, caller: Caller, id: string): Promise<AssetDetailDto> {
  const scope = await assetScopeFor(deps, caller, { change: true });
  const actor = actorOf(caller);
  const asset = await deps.db.asset.findFirst({
    where: { AND: [{ id }, scope] },
    select: { id: true, status: true, syncStatus: true, couponState: true, couponCode: true, purchaseDate: true },
  });
  if (!asset) throw notFound("The asset");
  if (asset.status === "CANCELLED") return assetDetailWithin(deps, scope, id, caller);
  const verdict = cancellationVerdict({ ...asset, now: deps.clock.now(), timeZone: await businessTimeZone(deps.db) });
  if (!verdict.allowed) throw new DomainError("PRECONDITION_FAILED", verdict.reason);
  // Checked before BitTitan is asked: a refused cancellation leaves the coupon as it was.
  await assertInvoiceCreditable(deps.db, id);

  if (asset.couponCode) {
    const revoked = await revokeCouponIdempotently(await deps.bittitan.client(), asset.couponCode);
    if (!revoked.ok) {
      const { reason, message, retryable } = revoked.failure;
      if (reason === "redeemed" || reason === "expired") {
        await deps.db.asset.update({
          where: { id },
          data: { couponState: reason === "redeemed" ? "REDEEMED" : "EXPIRED", couponCheckedAt: deps.clock.now() },
        });
        throw new DomainError("PRECONDITION_FAILED", message);
      }
      throw new DomainError(
        "UNAVAILABLE",
        caller.kind === "staff"
          ? `BitTitan could not revoke the coupon, so nothing was cancelled: ${message}`
          : `BitTitan could not revoke the coupon, so nothing was cancelled. ${retryable ? "Please try again in a few minutes." : "Please contact your distributor."}`,
      );
    }
  }
  await deps.db.$transaction((tx) => recordCancellation(tx, deps, actor, id));
  return assetDetailWithin(deps, scope, id, caller);
}

async function recordCancellation(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  actor: string,
  assetId: string,
): Promise<void> {
  const now = deps.clock.now();
  // Only the first of concurrent cancellations goes on: the credit invoice is issued once.
  const { count } = await tx.asset.updateMany({
    where: { id: assetId, status: "ACTIVE" },
    data: { status: "CANCELLED", couponState: "CANCELLED", cancelledAt: now },
  });
  if (count === 0) return;
  const asset = await tx.asset.findUniqueOrThrow({
    where: { id: assetId },
    select: {
      name: true,
      couponCode: true,
      accountId: true,
      recipientAccountId: true,
      orderId: true,
      account: { select: { companyName: true } },
      order: { select: { currency: true, storefrontId: true } },
    },
  });
  const brand = await storefrontBrandOf(deps, tx, asset.order.storefrontId);
  // The distributor's invoice line, and for a two-tier order the reseller's to its end-customer: each credited in its issuer's series.
  const found = await tx.invoiceLine.findMany({
    where: { assetId, invoice: { kind: "INVOICE" } },
    select: {
      description: true,
      detail: true,
      quantity: true,
      unitPrice: true,
      taxRate: true,
      taxRegime: true,
      net: true,
      tax: true,
      gross: true,
      invoiceId: true,
      invoice: { select: { number: true, accountId: true, issuerAccountId: true, issuer: { select: { kind: true } } } },
    },
  });
  // The distributor's first: its credit number is taken (and its counter locked) before the reseller's, as at checkout.
  const lines = [...found].sort(
    (a, b) => Number(b.invoice.issuer.kind === "DISTRIBUTOR") - Number(a.invoice.issuer.kind === "DISTRIBUTOR"),
  );
  if (!lines.some((line) => line.invoice.issuer.kind === "DISTRIBUTOR"))
    throw new Error(`asset ${assetId} has no invoice line`);
  await assertInvoiceCreditable(tx, assetId);
  const credits: { number: string; gross: string; billedAccountId: string }[] = [];
  for (const line of lines) {
    const totals = negate({ net: line.net.toFixed(2), tax: line.tax.toFixed(2), gross: line.gross.toFixed(2) });
    const resold = line.invoice.issuer.kind !== "DISTRIBUTOR";
    const credit = await issueInvoice(tx, deps, {
      kind: "CREDIT",
      accountId: line.invoice.accountId,
      orderId: asset.orderId,
      currency: asset.order.currency,
      creditForId: line.invoiceId,
      creditAssetId: assetId,
      actor,
      totals,
      ...(resold ? { issuer: { accountId: line.invoice.issuerAccountId, storefront: brand } } : {}),
      lines: [
        {
          description: `Cancelled: ${line.description}`,
          detail: `Credit for ${line.invoice.number}. ${line.detail ?? ""}`.trim(),
          quantity: line.quantity,
          unitPrice: line.unitPrice.negated().toFixed(2),
          taxRate: line.taxRate.toFixed(2),
          // The credit follows the invoice it credits: same rate, same regime and mention.
          taxRegime: line.taxRegime,
          assetId,
          ...totals,
        },
      ],
    });
    credits.push({ number: credit.number, gross: totals.gross, billedAccountId: line.invoice.accountId });
  }
  // The recipient hears of the credit it got: at a storefront the reseller's, never the reseller's own price.
  const credit = credits.find((candidate) => candidate.billedAccountId === asset.recipientAccountId) ?? credits[0];
  if (!credit) throw new Error(`asset ${assetId} was credited nowhere`);
  await tx.assetEvent.create({
    data: {
      assetId,
      at: now,
      actor,
      kind: "cancelled",
      detail: { creditInvoice: credits.map((each) => each.number).join(", "), couponCode: asset.couponCode },
    },
  });
  await closeOrderWhenAllCancelled(tx, asset.orderId, now);
  await queueNotification(tx, deps, {
    template: "bittitan-asset-cancelled",
    eventKey: `asset-cancelled:${assetId}`,
    accountId: asset.recipientAccountId,
    storefrontId: brand?.id ?? null,
    variables: {
      account_name: asset.account.companyName,
      asset_name: asset.name,
      coupon_code: asset.couponCode,
      credit_invoice_number: credit.number,
      amount: formatMoney(credit.gross.replace("-", ""), asset.order.currency),
    },
  });
  await emitAssetWebhook(tx, deps, "asset.cancelled", assetId);
}

/**
 * A coupon revoked at BitTitan (by someone there, or a revoke here whose answer
 * was lost) ends the asset as a cancellation does, never half-way: within the
 * 15 days and with an invoice that is owed, cancelled with the credit invoice
 * and the email, exactly as `cancelAsset`; otherwise (too late, invoice void)
 * cancelled without a credit, the reason in the asset's history for staff to
 * resolve with the customer. Safe to repeat; an asset already cancelled only
 * takes the coupon's state.
 */
export async function cancelForRevokedCoupon(
  deps: DomainDeps,
  actor: string,
  assetId: string,
  via: "reconciliation" | "state-check",
): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const now = deps.clock.now();
    const asset = await tx.asset.findUniqueOrThrow({
      where: { id: assetId },
      select: { status: true, syncStatus: true, couponCode: true, purchaseDate: true, orderId: true },
    });
    await tx.asset.update({ where: { id: assetId }, data: { couponState: "CANCELLED", couponCheckedAt: now } });
    await tx.assetEvent.create({
      data: { assetId, at: now, actor, kind: "coupon-state", detail: { state: "CANCELLED", via } },
    });
    if (asset.status !== "ACTIVE") return;
    const verdict = await revokedCouponVerdict(tx, { ...asset, id: assetId }, now);
    if (verdict.allowed) {
      await recordCancellation(tx, deps, actor, assetId);
      return;
    }
    const { count } = await tx.asset.updateMany({
      where: { id: assetId, status: "ACTIVE" },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (count === 0) return;
    await tx.assetEvent.create({
      data: {
        assetId,
        at: now,
        actor,
        kind: "cancelled-without-credit",
        detail: { couponCode: asset.couponCode, reason: `The coupon was revoked at BitTitan. ${verdict.reason}.` },
      },
    });
    await closeOrderWhenAllCancelled(tx, asset.orderId, now);
    await emitAssetWebhook(tx, deps, "asset.cancelled", assetId);
  });
}

/** Whether an asset whose coupon was revoked at BitTitan is credited as a cancellation would be (judged as if the coupon were still active). */
async function revokedCouponVerdict(
  db: DomainDeps["db"] | Prisma.TransactionClient,
  asset: { id: string; status: AssetStatus; syncStatus: AssetSyncStatus; purchaseDate: Date },
  now: Date,
) {
  const [voidInvoice, timeZone] = await Promise.all([voidInvoiceOf(db, asset.id), businessTimeZone(db)]);
  return cancellationVerdict({ ...asset, couponState: "ACTIVE", now, timeZone, voidInvoice });
}

/**
 * What `cancelForRevokedCoupon` will do to an active asset, in words staff
 * confirm before it happens: the credit with its amount, or why there is none.
 */
export async function revokedCouponConsequence(
  deps: DomainDeps,
  asset: { id: string; name: string; status: AssetStatus; syncStatus: AssetSyncStatus; purchaseDate: Date },
): Promise<string> {
  const verdict = await revokedCouponVerdict(deps.db, asset, deps.clock.now());
  if (!verdict.allowed) return `This cancels “${asset.name}” without a credit: ${verdict.reason}.`;
  // Every asset is made with its invoice line (checkout, BSS execution), as recordCancellation relies on.
  const line = await deps.db.invoiceLine.findFirstOrThrow({
    where: { assetId: asset.id, invoice: distributorInvoice },
    select: { gross: true, invoice: { select: { number: true, currency: true } } },
  });
  return `This cancels “${asset.name}” and credits ${formatMoney(line.gross.toFixed(2), line.invoice.currency)} (invoice ${line.invoice.number}) on a credit invoice, and emails the recipient.`;
}

async function closeOrderWhenAllCancelled(tx: Prisma.TransactionClient, orderId: string, now: Date) {
  const remaining = await tx.asset.count({ where: { orderId, status: "ACTIVE" } });
  if (remaining === 0)
    await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED", cancelledAt: now } });
}

/**
 * Cancels every asset of an order (BSS). All must be cancellable before any
 * is touched; a BitTitan outage part-way leaves the rest to a retry, which
 * skips what is already cancelled.
 */
export async function cancelOrder(deps: DomainDeps, staff: StaffCaller, orderId: string): Promise<void> {
  const order = await deps.db.order.findUnique({
    where: { id: orderId },
    select: {
      status: true,
      assets: {
        // In line order: the credit invoices are numbered as the order's lines read.
        orderBy: { orderLine: { position: "asc" } },
        select: { id: true, name: true, status: true, syncStatus: true, couponState: true, purchaseDate: true },
      },
      lines: { where: { planId: { not: null } }, select: { id: true } },
    },
  });
  if (!order) throw notFound("The order");
  if (order.status === "DRAFT") throw new DomainError("PRECONDITION_FAILED", "A draft order is deleted, not cancelled");
  if (order.lines.length > 0) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This order started a reseller plan subscription: cancel the subscription (it ends with its paid period), and any licenses one by one",
    );
  }
  const now = deps.clock.now();
  const timeZone = await businessTimeZone(deps.db);
  for (const asset of order.assets.filter((candidate) => candidate.status === "ACTIVE")) {
    const verdict = cancellationVerdict({ ...asset, now, timeZone });
    if (!verdict.allowed) throw new DomainError("PRECONDITION_FAILED", `Asset “${asset.name}”: ${verdict.reason}`);
  }
  for (const asset of order.assets) await cancelAsset(deps, staff, asset.id);
}

/** The asset's own invoice: the distributor's to the buyer (a reseller's to its end-customer is never voided). */
const distributorInvoice = { kind: "INVOICE", issuer: { kind: "DISTRIBUTOR" } } satisfies Prisma.InvoiceWhereInput;

/** The number of the asset's invoice when that invoice is void, else null. */
async function voidInvoiceOf(db: Pick<Prisma.TransactionClient, "invoiceLine">, assetId: string) {
  const line = await db.invoiceLine.findFirst({
    where: { assetId, invoice: distributorInvoice },
    select: { invoice: { select: { number: true, state: true } } },
  });
  return line?.invoice.state === "VOID" ? line.invoice.number : null;
}

/** A voided invoice was never owed, so there is nothing to credit: cancelling its asset is refused. */
async function assertInvoiceCreditable(
  db: Pick<Prisma.TransactionClient, "invoiceLine">,
  assetId: string,
): Promise<void> {
  const voidInvoice = await voidInvoiceOf(db, assetId);
  if (voidInvoice) throw new DomainError("PRECONDITION_FAILED", voidInvoiceReason(voidInvoice));
}
