import type { AssetStatus, AssetSyncStatus, CouponState } from "@cm/db";
import { dayText } from "../shared/dates.ts";

/** A full refund is possible only within this many days of the purchase date. */
export const CANCELLATION_WINDOW_DAYS = 15;

export type CancellationVerdict = { allowed: true; lastDay: Date } | { allowed: false; reason: string; lastDay: Date };

const DAY = 86_400_000;

/** A voided invoice was never owed, so there is nothing to credit. */
export const voidInvoiceReason = (invoiceNumber: string) =>
  `Its invoice ${invoiceNumber} is void, so there is nothing to credit: the asset can't be cancelled`;
const utcDay = (date: Date) => Math.floor(date.getTime() / DAY);

/**
 * Whether an asset can be cancelled now. Days are calendar days in UTC: bought
 * on 2 March, it can be cancelled up to and including 17 March (day 15), not on
 * 18 March (day 16). A redeemed coupon cannot be cancelled.
 */
export function cancellationVerdict(asset: {
  status: AssetStatus;
  syncStatus: AssetSyncStatus;
  couponState: CouponState | null;
  purchaseDate: Date;
  now: Date;
  /** The number of the asset's invoice when that invoice is void (nothing to credit). */
  voidInvoice?: string | null;
}): CancellationVerdict {
  const lastDay = new Date((utcDay(asset.purchaseDate) + CANCELLATION_WINDOW_DAYS) * DAY);
  const refuse = (reason: string): CancellationVerdict => ({ allowed: false, reason, lastDay });
  if (asset.status === "CANCELLED") return refuse("The asset is already cancelled");
  if (asset.voidInvoice) return refuse(voidInvoiceReason(asset.voidInvoice));
  if (asset.couponState === "REDEEMED")
    return refuse("The coupon has been redeemed, so the licenses are in use and cannot be refunded");
  if (asset.couponState === "EXPIRED") return refuse("The coupon has expired");
  if (asset.syncStatus === "PENDING")
    return refuse("The coupon is still being created at BitTitan; try again in a moment");
  const day = utcDay(asset.now) - utcDay(asset.purchaseDate);
  if (day > CANCELLATION_WINDOW_DAYS) {
    return refuse(
      `Cancellation is only possible within ${CANCELLATION_WINDOW_DAYS} days of the purchase date (the last day was ${dayText(lastDay)}, UTC)`,
    );
  }
  return { allowed: true, lastDay };
}
