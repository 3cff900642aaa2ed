import type { AssetStatus, AssetSyncStatus, CouponState, Prisma } from "@cm/db";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import { cancellationVerdict, type CancellationVerdict } from "./cancellation.ts";
import { customerWordsFor } from "./provisioning-failure.ts";

export interface AssetSummaryDto {
  id: string;
  name: string;
  status: AssetStatus;
  syncStatus: AssetSyncStatus;
  syncError: string | null;
  /** Why provisioning stopped for good (FAILED); null while it is still being tried or for failures recorded before codes existed. */
  syncFailureCode: string | null;
  /** While PENDING after a transient failure: the next automatic attempt (its number and time) and the last moment one is made. */
  retry: { nextAttempt: number; at: Date; until: Date | null } | null;
  /** When the "provisioning needs attention" email for the current failure was queued; null: nobody was told. */
  attentionNotifiedAt: Date | null;
  purchaseDate: Date;
  quantity: number;
  couponCode: string | null;
  couponState: CouponState | null;
  product: { id: string; name: string };
  account: { id: string; companyName: string };
  recipient: { id: string; companyName: string };
}

export interface AssetDetailDto extends AssetSummaryDto {
  expireDays: number;
  validityDays: number;
  couponExpiresAt: Date | null;
  couponCheckedAt: Date | null;
  portalUrl: string | null;
  cancelledAt: Date | null;
  /** `placedByAccountId`: who checked out (the buyer, or its end-customer at the reseller's storefront). */
  order: { id: string; number: string; placedByAccountId: string | null };
  invoice: { id: string; number: string } | null;
  creditInvoice: { id: string; number: string } | null;
  cancellation: CancellationVerdict;
  attempts: {
    at: Date;
    outcome: "SUCCEEDED" | "FAILED";
    trigger: string;
    message: string | null;
    couponCode: string | null;
  }[];
  events: { at: Date; actor: string; kind: string; detail: unknown }[];
}

/** The columns `retryOf` reads. */
export const assetRetrySelect = {
  syncStatus: true,
  syncAttempts: true,
  nextSyncAt: true,
  syncRetryUntil: true,
} satisfies Prisma.AssetSelect;

type RetryColumns = Prisma.AssetGetPayload<{ select: typeof assetRetrySelect }>;

/** The next automatic attempt of a PENDING asset after a transient failure; null when none is scheduled (or it is not PENDING). */
export function retryOf(asset: RetryColumns): AssetSummaryDto["retry"] {
  return asset.syncStatus === "PENDING" && asset.nextSyncAt && asset.syncAttempts > 0
    ? { nextAttempt: asset.syncAttempts + 1, at: asset.nextSyncAt, until: asset.syncRetryUntil }
    : null;
}

export const assetSummarySelect = {
  id: true,
  name: true,
  status: true,
  ...assetRetrySelect,
  syncError: true,
  syncFailureCode: true,
  attentionNotifiedAt: true,
  purchaseDate: true,
  quantity: true,
  couponCode: true,
  couponState: true,
  product: { select: { id: true, name: true } },
  account: { select: { id: true, companyName: true } },
  recipientAccount: { select: { id: true, companyName: true } },
} satisfies Prisma.AssetSelect;

export const assetDetailSelect = {
  ...assetSummarySelect,
  expireDays: true,
  validityDays: true,
  couponExpiresAt: true,
  couponCheckedAt: true,
  portalUrl: true,
  cancelledAt: true,
  order: {
    select: {
      id: true,
      number: true,
      placedByAccountId: true,
      invoices: { select: { id: true, number: true, kind: true, state: true, creditAssetId: true, accountId: true } },
    },
  },
  attempts: {
    orderBy: { startedAt: "asc" },
    select: { startedAt: true, outcome: true, trigger: true, message: true, couponCode: true },
  },
  events: { orderBy: { at: "asc" }, select: { at: true, actor: true, kind: true, detail: true } },
} satisfies Prisma.AssetSelect;

type SummaryRow = Prisma.AssetGetPayload<{ select: typeof assetSummarySelect }>;
type DetailRow = Prisma.AssetGetPayload<{ select: typeof assetDetailSelect }>;

export function toAssetSummary(row: SummaryRow): AssetSummaryDto {
  const { recipientAccount, syncAttempts: _attempts, nextSyncAt: _next, syncRetryUntil: _until, ...rest } = row;
  return { ...rest, retry: retryOf(row), recipient: recipientAccount };
}

/**
 * `timeZone`: the distributor's, the one the cancellation window is counted in.
 * The invoice and credit shown are those billed to `billedAccountId`: the
 * buyer's (the distributor's to it) unless an end-customer looks at what it
 * bought at its reseller's storefront (the reseller's to it).
 */
export function toAssetDetail(
  row: DetailRow,
  now: Date,
  timeZone: string,
  billedAccountId: string = row.account.id,
): AssetDetailDto {
  const {
    order,
    attempts,
    events,
    expireDays,
    validityDays,
    couponExpiresAt,
    couponCheckedAt,
    portalUrl,
    cancelledAt,
  } = row;
  const billed = order.invoices.filter((candidate) => candidate.accountId === billedAccountId);
  const invoice = billed.find((candidate) => candidate.kind === "INVOICE") ?? null;
  const credit = billed.find((candidate) => candidate.kind === "CREDIT" && candidate.creditAssetId === row.id) ?? null;
  const buyerInvoice = order.invoices.find(
    (candidate) => candidate.kind === "INVOICE" && candidate.accountId === row.account.id,
  );
  return {
    ...toAssetSummary(row),
    expireDays,
    validityDays,
    couponExpiresAt,
    couponCheckedAt,
    portalUrl,
    cancelledAt,
    order: { id: order.id, number: formatOrderNumber(order.number), placedByAccountId: order.placedByAccountId },
    invoice: invoice && { id: invoice.id, number: invoice.number },
    creditInvoice: credit && { id: credit.id, number: credit.number },
    cancellation: cancellationVerdict({
      status: row.status,
      syncStatus: row.syncStatus,
      couponState: row.couponState,
      purchaseDate: row.purchaseDate,
      now,
      timeZone,
      voidInvoice: buyerInvoice?.state === "VOID" ? buyerInvoice.number : null,
    }),
    attempts: attempts.map((attempt) => ({
      at: attempt.startedAt,
      outcome: attempt.outcome,
      trigger: attempt.trigger,
      message: attempt.message,
      couponCode: attempt.couponCode,
    })),
    events,
  };
}

// ─── The Storefront's view ───────────────────────────────────────────────────
// Customers see their asset, never the distributor's audit trail (who did
// what), the provisioning attempts or the vendor's raw error text.

type StaffOnly = "syncError" | "syncFailureCode" | "retry" | "attentionNotifiedAt";

export type ShopAssetSummaryDto = Omit<AssetSummaryDto, StaffOnly> & { problem: string | null };
/** A page of `listAssets`. */
export interface AssetPage {
  items: AssetSummaryDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export type ShopAssetPage = Omit<AssetPage, "items"> & { items: ShopAssetSummaryDto[] };
export type ShopAssetDetailDto = Omit<AssetDetailDto, StaffOnly | "attempts" | "events"> & {
  problem: string | null;
  /** What happened, in the customer's words, without who on the distributor's side did it. */
  history: { at: Date; what: string }[];
};

const HISTORY_WORDS: Record<string, string> = {
  created: "Ordered",
  "coupon-created": "Coupon created",
  "coupon-attached": "Coupon created",
  "provisioning-failed": "BitTitan could not issue the coupon",
  "provisioning-retried": "Creating the licenses again",
  "coupon-adopted": "Coupon created",
  edited: "Details changed",
  cancelled: "Cancelled and credited",
  "cancelled-without-credit": "Cancelled: the coupon was revoked at BitTitan, no credit",
  "coupon-revoked": "Coupon revoked",
};

function historyEntry(event: AssetDetailDto["events"][number]): { at: Date; what: string } {
  const state = (event.detail as { state?: unknown } | null)?.state;
  if (event.kind === "coupon-state" && typeof state === "string")
    return { at: event.at, what: `Coupon ${state.toLowerCase()}` };
  return { at: event.at, what: HISTORY_WORDS[event.kind] ?? event.kind.replace(/-/g, " ") };
}

/** What a customer is told when provisioning stopped for good: the reason in their words, and whether the distributor was told. */
export const shopProvisioningProblem = (asset: {
  syncStatus: AssetSyncStatus;
  syncFailureCode: string | null;
  attentionNotifiedAt: Date | null;
}) =>
  asset.syncStatus === "FAILED" ? customerWordsFor(asset.syncFailureCode, asset.attentionNotifiedAt !== null) : null;

export function toShopAssetSummary(asset: AssetSummaryDto): ShopAssetSummaryDto {
  const {
    syncError: _syncError,
    syncFailureCode: _code,
    retry: _retry,
    attentionNotifiedAt: _notified,
    ...rest
  } = asset;
  return { ...rest, problem: shopProvisioningProblem(asset) };
}

export function toShopAssetDetail(asset: AssetDetailDto): ShopAssetDetailDto {
  const {
    syncError: _syncError,
    syncFailureCode: _code,
    retry: _retry,
    attentionNotifiedAt: _notified,
    attempts: _attempts,
    events,
    ...rest
  } = asset;
  return { ...rest, problem: shopProvisioningProblem(asset), history: events.map(historyEntry) };
}
