import type { AssetStatus, AssetSyncStatus, CouponState } from "@cm/db";
import { addDays, calendarDayOf, endOfDay, momentText } from "../shared/business-time.ts";

/** A full refund is possible until the end of this many calendar days after the purchase date. */
export const CANCELLATION_WINDOW_DAYS = 15;

/** When the window closes: the last millisecond it is open, the zone it is counted in, and that moment in words. */
export interface CancellationWindow {
  endsAt: Date;
  timeZone: string;
  /** "17 Dec 2026, 23:59 EET": what both apps and the refusal show, never re-formatted in a viewer's zone. */
  endsAtText: string;
}

export type CancellationVerdict = ({ allowed: true } | { allowed: false; reason: string }) & CancellationWindow;

/** A voided invoice was never owed, so there is nothing to credit. */
export const voidInvoiceReason = (invoiceNumber: string) =>
  `Its invoice ${invoiceNumber} is void, so there is nothing to credit: the asset can't be cancelled`;

/**
 * The window of an asset bought at `purchaseDate`: until the end of the 15th
 * calendar day after the purchase date, both days as the distributor's
 * calendar has them (`timeZone`). Bought on 2 December at any hour there, it
 * closes at 17 December 23:59:59.999 there, daylight saving time or not.
 */
export function cancellationWindow(purchaseDate: Date, timeZone: string): CancellationWindow {
  const lastDay = addDays(calendarDayOf(purchaseDate, timeZone), CANCELLATION_WINDOW_DAYS);
  const endsAt = endOfDay(lastDay, timeZone);
  return { endsAt, timeZone, endsAtText: momentText(endsAt, timeZone) };
}

/**
 * Whether an asset can be cancelled now: within its window (see
 * `cancellationWindow`, counted in the distributor's `timeZone`) and while
 * its coupon is neither redeemed nor expired nor still being created.
 */
export function cancellationVerdict(asset: {
  status: AssetStatus;
  syncStatus: AssetSyncStatus;
  couponState: CouponState | null;
  purchaseDate: Date;
  now: Date;
  timeZone: string;
  /** The number of the asset's invoice when that invoice is void (nothing to credit). */
  voidInvoice?: string | null;
}): CancellationVerdict {
  const window = cancellationWindow(asset.purchaseDate, asset.timeZone);
  const refuse = (reason: string): CancellationVerdict => ({ allowed: false, reason, ...window });
  if (asset.status === "CANCELLED") return refuse("The asset is already cancelled");
  if (asset.voidInvoice) return refuse(voidInvoiceReason(asset.voidInvoice));
  if (asset.couponState === "REDEEMED")
    return refuse("The coupon has been redeemed, so the licenses are in use and cannot be refunded");
  if (asset.couponState === "EXPIRED") return refuse("The coupon has expired");
  if (asset.syncStatus === "PENDING")
    return refuse("The coupon is still being created at BitTitan; try again in a moment");
  if (asset.now > window.endsAt) {
    return refuse(
      `Cancellation is only possible within ${CANCELLATION_WINDOW_DAYS} days of the purchase date (until ${window.endsAtText})`,
    );
  }
  return { allowed: true, ...window };
}
