import type { Prisma } from "@cm/db";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import type { DomainDeps } from "../deps.ts";
import { queueNotification } from "../notifications/queue-notification.ts";
import { businessTimeZone, dayText } from "../shared/business-time.ts";
import { storefrontBrandOf } from "../shared/storefront-url.ts";

/**
 * The Welcome email with the coupon code and portal link, to the order's
 * recipient; for an order placed at a reseller's storefront, in the
 * reseller's name and pointing to that storefront.
 */
export async function queueWelcomeEmail(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  assetId: string,
): Promise<void> {
  const asset = await tx.asset.findUniqueOrThrow({
    where: { id: assetId },
    select: {
      name: true,
      quantity: true,
      expireDays: true,
      validityDays: true,
      couponCode: true,
      couponExpiresAt: true,
      portalUrl: true,
      recipientAccountId: true,
      recipientAccount: { select: { companyName: true } },
      product: { select: { name: true } },
      order: { select: { number: true, storefrontId: true } },
    },
  });
  const timeZone = await businessTimeZone(tx);
  const brand = await storefrontBrandOf(deps, tx, asset.order.storefrontId);
  await queueNotification(
    tx,
    deps,
    {
      template: "welcome-bittitan-coupon",
      eventKey: `welcome-coupon:${assetId}`,
      accountId: asset.recipientAccountId,
      storefrontId: brand?.id ?? null,
      variables: {
        account_name: asset.recipientAccount.companyName,
        product_name: asset.product.name,
        license_count: asset.quantity,
        coupon_code: asset.couponCode,
        portal_link: asset.portalUrl,
        expire_days: asset.expireDays,
        validity_days: asset.validityDays,
        coupon_expiry_date: asset.couponExpiresAt ? dayText(asset.couponExpiresAt, timeZone) : null,
        asset_name: asset.name,
        order_number: formatOrderNumber(asset.order.number),
        storefront_link: brand?.url ?? deps.publicUrl,
      },
    },
    // Queued by the one attempt that stored the asset's coupon, so there is no message to look for first
    // (the outbox insert is idempotent on the event key all the same).
    { newEvent: true },
  );
}
