import type { AssetStatus, AssetSyncStatus, CouponState, Prisma } from "@cm/db";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import { cancellationVerdict, type CancellationVerdict } from "./cancellation.ts";

export interface AssetSummaryDto {
  id: string;
  name: string;
  status: AssetStatus;
  syncStatus: AssetSyncStatus;
  syncError: string | null;
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
  order: { id: string; number: string };
  invoice: { id: string; number: string } | null;
  creditInvoice: { id: string; number: string } | null;
  cancellation: CancellationVerdict;
  attempts: { at: Date; outcome: "SUCCEEDED" | "FAILED"; trigger: string; message: string | null; couponCode: string | null }[];
  events: { at: Date; actor: string; kind: string; detail: unknown }[];
}

export const assetSummarySelect = {
  id: true,
  name: true,
  status: true,
  syncStatus: true,
  syncError: true,
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
  order: { select: { id: true, number: true, invoices: { select: { id: true, number: true, kind: true, creditAssetId: true } } } },
  attempts: { orderBy: { startedAt: "asc" }, select: { startedAt: true, outcome: true, trigger: true, message: true, couponCode: true } },
  events: { orderBy: { at: "asc" }, select: { at: true, actor: true, kind: true, detail: true } },
} satisfies Prisma.AssetSelect;

type SummaryRow = Prisma.AssetGetPayload<{ select: typeof assetSummarySelect }>;
type DetailRow = Prisma.AssetGetPayload<{ select: typeof assetDetailSelect }>;

export function toAssetSummary(row: SummaryRow): AssetSummaryDto {
  const { recipientAccount, ...rest } = row;
  return { ...rest, recipient: recipientAccount };
}

export function toAssetDetail(row: DetailRow, now: Date): AssetDetailDto {
  const { order, attempts, events, expireDays, validityDays, couponExpiresAt, couponCheckedAt, portalUrl, cancelledAt } = row;
  const invoice = order.invoices.find((candidate) => candidate.kind === "INVOICE") ?? null;
  const credit = order.invoices.find((candidate) => candidate.kind === "CREDIT" && candidate.creditAssetId === row.id) ?? null;
  return {
    ...toAssetSummary(row),
    expireDays,
    validityDays,
    couponExpiresAt,
    couponCheckedAt,
    portalUrl,
    cancelledAt,
    order: { id: order.id, number: formatOrderNumber(order.number) },
    invoice: invoice && { id: invoice.id, number: invoice.number },
    creditInvoice: credit && { id: credit.id, number: credit.number },
    cancellation: cancellationVerdict({ status: row.status, syncStatus: row.syncStatus, couponState: row.couponState, purchaseDate: row.purchaseDate, now }),
    attempts: attempts.map((attempt) => ({ at: attempt.startedAt, outcome: attempt.outcome, trigger: attempt.trigger, message: attempt.message, couponCode: attempt.couponCode })),
    events,
  };
}
