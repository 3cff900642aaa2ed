import { BitTitanError, BitTitanNotFoundError } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { AssetDetailDto } from "./asset-dto.ts";
import { assetDetailWithin } from "./get-asset.ts";
import { holdingCoupon } from "./coupon-states.ts";
import { queueWelcomeEmail } from "./welcome-email.ts";
import { emitAssetWebhook } from "./asset-webhooks.ts";

/**
 * Staff attach an existing coupon code to an asset by hand. BitTitan must know
 * the coupon, it must belong to the asset's partner and hold exactly the
 * asset's license count, and no other asset may have it.
 */
export async function attachCoupon(
  deps: DomainDeps,
  actor: string,
  input: { id: string; couponCode: string },
): Promise<AssetDetailDto> {
  const asset = await deps.db.asset.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      status: true,
      syncStatus: true,
      couponCode: true,
      quantity: true,
      account: { select: { bittitanPartnerId: true } },
    },
  });
  if (!asset) throw notFound("The asset");
  if (asset.status === "CANCELLED")
    throw new DomainError("PRECONDITION_FAILED", "A cancelled asset cannot get a coupon");
  if (asset.syncStatus === "SYNCHRONIZED")
    throw new DomainError("PRECONDITION_FAILED", `The asset already has coupon ${asset.couponCode}`);
  const other = await deps.db.asset.findUnique({
    where: { couponCode: input.couponCode },
    select: { id: true, name: true },
  });
  if (other)
    throw new DomainError("CONFLICT", `That coupon is already attached to asset “${other.name}”`, "couponCode");

  let coupon;
  try {
    coupon = await (await deps.bittitan.client()).getCoupon(input.couponCode);
  } catch (error) {
    if (error instanceof BitTitanNotFoundError)
      throw new DomainError("INVALID", "BitTitan does not know that coupon code", "couponCode");
    if (error instanceof BitTitanError)
      throw new DomainError("UNAVAILABLE", `BitTitan could not be asked about the coupon: ${error.message}`);
    throw error;
  }
  if (coupon.partnerId !== asset.account.bittitanPartnerId) {
    throw new DomainError(
      "INVALID",
      "That coupon belongs to another BitTitan partner than this asset's account",
      "couponCode",
    );
  }
  if (coupon.licenseCount !== asset.quantity) {
    throw new DomainError(
      "INVALID",
      `That coupon holds ${coupon.licenseCount} licenses; the asset has ${asset.quantity}`,
      "couponCode",
    );
  }
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.asset.updateMany({
      where: { id: asset.id, syncStatus: { not: "SYNCHRONIZED" } },
      data: holdingCoupon(coupon, now),
    });
    if (count === 0) throw new DomainError("CONFLICT", "The asset got a coupon in the meantime");
    await tx.assetEvent.create({
      data: { assetId: asset.id, at: now, actor, kind: "coupon-attached", detail: { couponCode: coupon.code } },
    });
    if (coupon.state === "active") await queueWelcomeEmail(tx, deps, asset.id);
    await emitAssetWebhook(tx, deps, "asset.synchronized", asset.id);
  });
  return assetDetailWithin(deps, {}, asset.id);
}
