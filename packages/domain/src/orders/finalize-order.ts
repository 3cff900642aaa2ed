import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { issueInvoice } from "../billing/issue-invoice.ts";
import { enqueueProvisioning } from "../assets/provision-asset.ts";
import type { LineTotals } from "../shared/money.ts";
import type { PricedLine } from "./price-lines.ts";

/**
 * Completes an order, atomically (the caller's transaction): the order and its
 * lines become final, one one-off asset per line is created (pending), the
 * invoice is issued, and the coupon creation of every asset is queued. Shared
 * by the Storefront checkout and "Execute Order" in the BSS.
 */
export async function finalizeOrder(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  input: {
    orderId: string;
    accountId: string;
    recipient: { id: string; companyName: string };
    currency: string;
    lines: PricedLine[];
    totals: LineTotals;
    actor: string;
  },
): Promise<{ invoiceId: string; assetIds: string[] }> {
  const now = deps.clock.now();
  await tx.orderLine.deleteMany({ where: { orderId: input.orderId } });
  await tx.order.update({
    where: { id: input.orderId },
    data: {
      status: "COMPLETED",
      completedAt: now,
      recipientAccountId: input.recipient.id,
      currency: input.currency,
      net: input.totals.net,
      tax: input.totals.tax,
      gross: input.totals.gross,
    },
  });
  const assetIds: string[] = [];
  for (const line of input.lines) {
    const orderLine = await tx.orderLine.create({
      data: {
        orderId: input.orderId,
        position: line.position,
        productId: line.productId,
        productName: line.productName,
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        taxRate: line.taxRate,
        net: line.net,
        tax: line.tax,
        gross: line.gross,
        assetName: line.assetName,
        expireDays: line.expireDays,
        validityDays: line.validityDays,
      },
      select: { id: true },
    });
    const asset = await tx.asset.create({
      data: {
        name: line.assetName,
        accountId: input.accountId,
        recipientAccountId: input.recipient.id,
        orderId: input.orderId,
        orderLineId: orderLine.id,
        productId: line.productId,
        skuId: line.vendorSkuId,
        quantity: line.quantity,
        purchaseDate: now,
        expireDays: line.expireDays,
        validityDays: line.validityDays,
        events: { create: { at: now, actor: input.actor, kind: "created", detail: { quantity: line.quantity, recipient: input.recipient.companyName } } },
      },
      select: { id: true },
    });
    assetIds.push(asset.id);
  }
  const invoice = await issueInvoice(tx, deps, {
    kind: "INVOICE",
    accountId: input.accountId,
    orderId: input.orderId,
    currency: input.currency,
    totals: input.totals,
    lines: input.lines.map((line, index) => ({
      description: line.productName,
      detail: `Asset “${line.assetName}” for ${input.recipient.companyName} · ${line.quantity} license${line.quantity === 1 ? "" : "s"} · SKU ${line.sku}`,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      taxRate: line.taxRate,
      net: line.net,
      tax: line.tax,
      gross: line.gross,
      assetId: assetIds[index] ?? null,
    })),
  });
  for (const assetId of assetIds) await enqueueProvisioning(tx, deps, assetId, "order");
  return { invoiceId: invoice.id, assetIds };
}
