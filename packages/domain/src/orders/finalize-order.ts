import { randomUUID } from "node:crypto";
import { insertRows, type Prisma, type RowBatch } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { issueInvoice, type InvoiceLineInput } from "../billing/issue-invoice.ts";
import { enqueueProvisioning, freshRetryWindow, PROVISIONING_QUEUE } from "../assets/provision-asset.ts";
import { DELIVER_EMAIL_QUEUE } from "../notifications/delivery-queue.ts";
import { invoicesPlanPeriod } from "../plans/plan-rules.ts";
import { linkSubscriptionInvoice, startSubscription } from "../plans/start-subscription.ts";
import { lineAmounts, type LineTotals } from "../shared/money.ts";
import { orderLineColumns, type PricedLine, type ProductPricedLine } from "./price-lines.ts";
import type { Resale, ResaleLine } from "./resale-lines.ts";
import { storefrontBrandOf } from "../shared/storefront-url.ts";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import { DELIVER_WEBHOOK_QUEUE } from "../webhooks/webhook-queue.ts";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event.ts";

type Tx = Prisma.TransactionClient;

/**
 * Completes an order, atomically (the caller's transaction): the order and its
 * lines become final; each product line gets a one-off asset (pending), each
 * plan line starts the buyer's plan subscription; the invoice is issued (for
 * what is billed: a Free plan line is not, so an order of only that issues no
 * invoice and no "invoice issued" email), and the coupon creation of every
 * asset is queued. Shared by the Storefront checkout and "Execute Order" in the BSS.
 *
 * A two-tier order (`resale`: an end-customer at its reseller's storefront)
 * is the reseller's order as above (billed by the distributor at what the
 * reseller pays, the end-customer the recipient), and in the same
 * transaction the reseller's own invoice to its end-customer is issued at the
 * storefront prices, in the reseller's series; the order keeps both sides.
 */
export async function finalizeOrder(
  tx: Tx,
  deps: DomainDeps,
  input: {
    orderId: string;
    accountId: string;
    recipient: { id: string; companyName: string };
    currency: string;
    lines: PricedLine[];
    totals: LineTotals;
    actor: string;
    /**
     * A new order (the Storefront checkout): it is created here, completed,
     * with these columns, rather than a draft's lines replaced and its row updated.
     */
    create?: Pick<
      Prisma.OrderUncheckedCreateInput,
      "channel" | "idempotencyKey" | "requestFingerprint" | "placedByContactId" | "placedByAccountId"
    >;
    /** A two-tier order: the reseller's sale to the recipient (its end-customer) at its storefront. */
    resale?: Resale;
  },
): Promise<{
  /** The order's number (formatOrderNumber prints it). */
  number: number;
  invoiceId: string | null;
  resaleInvoiceId: string | null;
  assetIds: string[];
  subscriptionIds: string[];
}> {
  const { resale } = input;
  const resaleOf = (position: number): ResaleLine | null => {
    if (!resale) return null;
    const line = resale.lines.find((candidate) => candidate.position === position);
    if (!line) throw new Error(`no resale price for line ${position}`);
    return line;
  };
  const now = deps.clock.now();
  const final = {
    status: "COMPLETED",
    completedAt: now,
    recipientAccountId: input.recipient.id,
    currency: input.currency,
    net: input.totals.net,
    tax: input.totals.tax,
    gross: input.totals.gross,
    ...(resale
      ? {
          storefrontId: resale.storefront.id,
          resaleNet: resale.totals.net,
          resaleTax: resale.totals.tax,
          resaleGross: resale.totals.gross,
        }
      : {}),
  } satisfies Prisma.OrderUncheckedUpdateInput;
  // A new order (the Storefront checkout) is created completed: one statement, not a draft and its update.
  if (input.create === undefined) await tx.orderLine.deleteMany({ where: { orderId: input.orderId } });
  const completed =
    input.create === undefined
      ? await tx.order.update({ where: { id: input.orderId }, data: final, select: { number: true } })
      : await tx.order.create({
          data: { ...input.create, id: input.orderId, accountId: input.accountId, ...final },
          select: { number: true },
        });
  // The lines, assets and their events are written with the invoice, in its statement (insertRows).
  const rows = { OrderLine: [], Asset: [], AssetEvent: [] } satisfies RowBatch as Required<
    Pick<RowBatch, "OrderLine" | "Asset" | "AssetEvent">
  >;
  const assetIds: string[] = [];
  const subscriptionIds: string[] = [];
  const billedSubscriptionIds: string[] = [];
  const invoiceLines: InvoiceLineInput[] = [];
  const resaleInvoiceLines: InvoiceLineInput[] = [];
  for (const line of input.lines) {
    const sold = resaleOf(line.position);
    const orderLine = { id: randomUUID() };
    rows.OrderLine.push({
      id: orderLine.id,
      orderId: input.orderId,
      ...orderLineColumns(line),
      ...(sold ? resaleColumns(sold) : {}),
    });
    if (line.kind === "plan") {
      // The subscription references its order line: write what is batched so far first.
      await flush(tx, rows);
      const started = await startSubscription(tx, deps, {
        accountId: input.accountId,
        orderLineId: orderLine.id,
        line,
        actor: input.actor,
        now,
      });
      subscriptionIds.push(started.subscriptionId);
      if (!invoicesPlanPeriod(line.gross)) continue;
      billedSubscriptionIds.push(started.subscriptionId);
      invoiceLines.push({
        ...lineAmounts(line),
        taxRegime: line.taxRegime,
        description: line.productName,
        detail: started.invoiceDetail,
        assetId: null,
      });
      continue;
    }
    const assetId = createAsset(rows, { ...input, now, orderLineId: orderLine.id, line, deps });
    assetIds.push(assetId);
    const described = {
      description: line.productName,
      detail: `Asset “${line.assetName}” for ${input.recipient.companyName} · ${line.quantity} license${line.quantity === 1 ? "" : "s"} · SKU ${line.sku}`,
      assetId,
    };
    invoiceLines.push({ ...lineAmounts(line), taxRegime: line.taxRegime, ...described });
    if (sold)
      resaleInvoiceLines.push({
        ...lineAmounts({ ...sold, quantity: line.quantity }),
        taxRegime: sold.taxRegime,
        ...described,
      });
  }
  for (const assetId of assetIds) await enqueueProvisioning(tx, deps, assetId, "order");
  const emitCompleted = (invoiceIds: string[]) =>
    emitWebhookEvent(tx, deps, {
      type: "order.completed",
      eventKey: `order.completed:${input.orderId}`,
      data: {
        orderId: input.orderId,
        orderNumber: formatOrderNumber(completed.number),
        accountId: input.accountId,
        recipientAccountId: input.recipient.id,
        storefrontId: resale?.storefront.id ?? null,
        currency: input.currency,
        net: input.totals.net,
        tax: input.totals.tax,
        gross: input.totals.gross,
        completedAt: now.toISOString(),
        assetIds,
        subscriptionIds,
        invoiceIds,
      },
    });
  if (invoiceLines.length === 0) {
    await flush(tx, rows);
    await emitCompleted([]);
    return { number: completed.number, invoiceId: null, resaleInvoiceId: null, assetIds, subscriptionIds };
  }
  const invoice = await issueInvoice(tx, deps, {
    kind: "INVOICE",
    accountId: input.accountId,
    orderId: input.orderId,
    currency: input.currency,
    totals: input.totals,
    lines: invoiceLines,
    actor: input.actor,
    batch: rows,
  });
  await linkSubscriptionInvoice(tx, billedSubscriptionIds, invoice.id);
  const resaleInvoice = resale
    ? await issueInvoice(tx, deps, {
        kind: "INVOICE",
        issuer: {
          accountId: resale.storefront.accountId,
          storefront: await storefrontBrandOf(deps, tx, resale.storefront.id),
        },
        accountId: input.recipient.id,
        orderId: input.orderId,
        currency: input.currency,
        totals: resale.totals,
        lines: resaleInvoiceLines,
        actor: input.actor,
      })
    : null;
  await emitCompleted(resaleInvoice ? [invoice.id, resaleInvoice.id] : [invoice.id]);
  return {
    number: completed.number,
    invoiceId: invoice.id,
    resaleInvoiceId: resaleInvoice?.id ?? null,
    assetIds,
    subscriptionIds,
  };
}

/** The OrderLine columns of a two-tier order's line as the reseller sold it. */
function resaleColumns(line: ResaleLine) {
  return {
    resaleUnitPrice: line.unitPrice,
    resaleTaxRate: line.taxRate,
    resaleTaxRegime: line.taxRegime,
    resaleNet: line.net,
    resaleTax: line.tax,
    resaleGross: line.gross,
  };
}

/** After the transaction of finalizeOrder commits: start on its coupons and emails now rather than at the workers' next poll. */
export function wakeOrderWorkers(deps: DomainDeps): void {
  deps.queue.notify(PROVISIONING_QUEUE);
  deps.queue.notify(DELIVER_EMAIL_QUEUE);
  deps.queue.notify(DELIVER_WEBHOOK_QUEUE);
}

function createAsset(
  rows: Required<Pick<RowBatch, "Asset" | "AssetEvent">>,
  input: {
    accountId: string;
    recipient: { id: string; companyName: string };
    orderId: string;
    orderLineId: string;
    line: ProductPricedLine;
    now: Date;
    actor: string;
    deps: DomainDeps;
  },
): string {
  const { line, now } = input;
  const id = randomUUID();
  // Its coupon's retry window opens with the purchase (the first attempt then has nothing to write first).
  const { syncWindowStartedAt, syncRetryUntil } = freshRetryWindow(input.deps, now);
  rows.Asset.push({
    id,
    name: line.assetName,
    accountId: input.accountId,
    recipientAccountId: input.recipient.id,
    orderId: input.orderId,
    orderLineId: input.orderLineId,
    productId: line.productId,
    skuId: line.vendorSkuId,
    quantity: line.quantity,
    purchaseDate: now,
    expireDays: line.expireDays,
    validityDays: line.validityDays,
    syncWindowStartedAt,
    syncRetryUntil,
    updatedAt: now,
  });
  rows.AssetEvent.push({
    id: randomUUID(),
    assetId: id,
    at: now,
    actor: input.actor,
    kind: "created",
    detail: { quantity: line.quantity, recipient: input.recipient.companyName },
  });
  return id;
}

/** Writes the batched rows now (a plan line's subscription needs its order line; an order with no invoice). */
async function flush(tx: Tx, rows: Required<Pick<RowBatch, "OrderLine" | "Asset" | "AssetEvent">>): Promise<void> {
  await insertRows(tx, rows);
  for (const table of Object.values(rows)) table.length = 0;
}
