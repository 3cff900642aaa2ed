import type { Prisma } from "@cm/db";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import type { DomainDeps } from "../deps.ts";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event.ts";

type AssetEventType = "asset.synchronized" | "asset.failed" | "asset.cancelled";

/**
 * Emits an asset's webhook event inside the transaction that changed it.
 * `data` holds the asset's public facts; the coupon code only once the asset
 * has it (it is what the customer redeems, so integrators need it, as the
 * Storefront shows it); never BitTitan's error text, only the failure code.
 */
export async function emitAssetWebhook(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  type: AssetEventType,
  assetId: string,
  /** Makes the event key unique per occurrence (an asset can fail again after a retry). */
  occurrence = "",
): Promise<void> {
  await emitWebhookEvent(tx, deps, {
    type,
    eventKey: `${type}:${assetId}${occurrence ? `:${occurrence}` : ""}`,
    data: () => assetWebhookData(tx, type, assetId),
  });
}

async function assetWebhookData(tx: Prisma.TransactionClient, type: AssetEventType, assetId: string) {
  const asset = await tx.asset.findUniqueOrThrow({
    where: { id: assetId },
    select: {
      name: true,
      status: true,
      syncStatus: true,
      syncFailureCode: true,
      couponCode: true,
      couponExpiresAt: true,
      quantity: true,
      accountId: true,
      recipientAccountId: true,
      orderId: true,
      cancelledAt: true,
      order: { select: { number: true } },
      product: { select: { id: true, sku: true, name: true } },
    },
  });
  return {
    assetId,
    name: asset.name,
    status: asset.status,
    syncStatus: asset.syncStatus,
    couponCode: asset.couponCode,
    couponExpiresAt: asset.couponExpiresAt?.toISOString() ?? null,
    failureCode: type === "asset.failed" ? asset.syncFailureCode : null,
    quantity: asset.quantity,
    productId: asset.product.id,
    productSku: asset.product.sku,
    productName: asset.product.name,
    accountId: asset.accountId,
    recipientAccountId: asset.recipientAccountId,
    orderId: asset.orderId,
    orderNumber: formatOrderNumber(asset.order.number),
    cancelledAt: asset.cancelledAt?.toISOString() ?? null,
  };
}
