import type { Prisma } from "@cm/db";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import type { DomainDeps } from "../deps.ts";
import { queueNotification } from "../notifications/queue-notification.ts";

/** Where staff open an asset in the back office (links in staff emails). */
export const bssAssetLink = (deps: Pick<DomainDeps, "publicUrl">, assetId: string) =>
  `${deps.publicUrl}/bss/assets/${assetId}`;

/**
 * Queues the "provisioning needs attention" email for an asset that has just
 * turned FAILED, inside that transaction: to the distributor's administrators
 * and the template's extra recipients, once per failure (a manual retry
 * starts a new retry window, so its failure is a new one). Returns whether
 * an email was queued to at least one recipient: false when the template is
 * turned off or nobody would receive it.
 */
export async function queueAttentionNotice(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  assetId: string,
): Promise<boolean> {
  const asset = await tx.asset.findUniqueOrThrow({
    where: { id: assetId },
    select: {
      name: true,
      quantity: true,
      syncError: true,
      syncWindowStartedAt: true,
      accountId: true,
      account: { select: { companyName: true } },
      product: { select: { name: true } },
      order: { select: { number: true } },
    },
  });
  const queued = await queueNotification(tx, deps, {
    template: "provisioning-attention",
    eventKey: `provisioning-attention:${assetId}:${asset.syncWindowStartedAt?.toISOString() ?? "first"}`,
    accountId: asset.accountId,
    variables: {
      asset_name: asset.name,
      asset_id: assetId,
      account_name: asset.account.companyName,
      product_name: asset.product.name,
      license_count: asset.quantity,
      order_number: formatOrderNumber(asset.order.number),
      failure_reason: asset.syncError,
      asset_link: bssAssetLink(deps, assetId),
    },
  });
  return queued?.addressed ?? false;
}
