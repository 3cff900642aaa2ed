import type {
  AssetSyncStatus,
  CouponState,
  InvoiceState,
  OrderChannel,
  OrderStatus,
  Prisma,
  SubscriptionStatus,
  TaxRegime,
} from "@cm/db";
import { assetRetrySelect, retryOf, shopProvisioningProblem, type AssetSummaryDto } from "../assets/asset-dto.ts";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import { formatSubscriptionNumber } from "../plans/subscription-number.ts";

export interface OrderSummaryDto {
  id: string;
  number: string;
  channel: OrderChannel;
  status: OrderStatus;
  account: { id: string; companyName: string };
  recipient: { id: string; companyName: string };
  currency: string;
  net: string;
  tax: string;
  gross: string;
  createdAt: Date;
  completedAt: Date | null;
  /** The order's licenses (assets) not cancelled, by where their coupons stand. */
  licenses: { synchronized: number; pending: number; failed: number };
}

export interface OrderDetailDto extends OrderSummaryDto {
  lines: {
    position: number;
    /** A BitTitan product line (productId, assetName) or a reseller plan line (planId, storefrontAlias). */
    kind: "product" | "plan";
    productId: string | null;
    planId: string | null;
    productName: string;
    sku: string;
    quantity: number;
    unitPrice: string;
    taxRate: string;
    /** Why the line is taxed so (null: priced before the regime was recorded). */
    taxRegime: TaxRegime | null;
    net: string;
    tax: string;
    gross: string;
    assetName: string | null;
    storefrontAlias: string | null;
  }[];
  /** The plan subscriptions the order's plan lines started. */
  subscriptions: { id: string; number: string; planName: string; status: SubscriptionStatus }[];
  invoices: {
    id: string;
    number: string;
    kind: "INVOICE" | "CREDIT";
    state: InvoiceState;
    gross: string;
    amountDue: string;
    refundDue: string;
  }[];
  assets: {
    id: string;
    name: string;
    quantity: number;
    syncStatus: AssetSyncStatus;
    syncError: string | null;
    syncFailureCode: string | null;
    /** As on the asset: the next automatic attempt while PENDING after a transient failure. */
    retry: AssetSummaryDto["retry"];
    attentionNotifiedAt: Date | null;
    couponCode: string | null;
    couponState: CouponState | null;
    portalUrl: string | null;
    status: "ACTIVE" | "CANCELLED";
    attempts: { at: Date; outcome: "SUCCEEDED" | "FAILED"; message: string | null; trigger: string }[];
  }[];
}

export const orderSummarySelect = {
  id: true,
  number: true,
  channel: true,
  status: true,
  currency: true,
  net: true,
  tax: true,
  gross: true,
  resaleNet: true,
  resaleTax: true,
  resaleGross: true,
  createdAt: true,
  completedAt: true,
  account: { select: { id: true, companyName: true } },
  recipientAccount: { select: { id: true, companyName: true } },
  assets: { select: { status: true, syncStatus: true } },
} satisfies Prisma.OrderSelect;

export const orderDetailSelect = {
  ...orderSummarySelect,
  lines: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      productId: true,
      planId: true,
      productName: true,
      sku: true,
      quantity: true,
      unitPrice: true,
      taxRate: true,
      taxRegime: true,
      net: true,
      tax: true,
      gross: true,
      resaleUnitPrice: true,
      resaleTaxRate: true,
      resaleTaxRegime: true,
      resaleNet: true,
      resaleTax: true,
      resaleGross: true,
      assetName: true,
      storefrontAlias: true,
      subscription: { select: { id: true, number: true, status: true, plan: { select: { name: true } } } },
    },
  },
  // In a stable order, ties broken: rows written together (one transaction, one clock reading) share timestamps.
  invoices: {
    orderBy: [{ issuedAt: "asc" }, { kind: "asc" }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      kind: true,
      state: true,
      gross: true,
      amountDue: true,
      refundDue: true,
      accountId: true,
    },
  },
  assets: {
    orderBy: { orderLine: { position: "asc" } },
    select: {
      id: true,
      name: true,
      quantity: true,
      ...assetRetrySelect,
      syncError: true,
      syncFailureCode: true,
      attentionNotifiedAt: true,
      couponCode: true,
      couponState: true,
      portalUrl: true,
      status: true,
      attempts: {
        orderBy: { startedAt: "asc" },
        select: { startedAt: true, outcome: true, message: true, trigger: true },
      },
    },
  },
} satisfies Prisma.OrderSelect;

const money = (value: Prisma.Decimal) => value.toFixed(2);

export function toOrderSummary(row: SummaryRow): OrderSummaryDto {
  return {
    id: row.id,
    number: formatOrderNumber(row.number),
    channel: row.channel,
    status: row.status,
    account: row.account,
    recipient: row.recipientAccount,
    currency: row.currency,
    net: money(row.net),
    tax: money(row.tax),
    gross: money(row.gross),
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    licenses: countLicenses(row.assets),
  };
}

function countLicenses(assets: SummaryRow["assets"]): OrderSummaryDto["licenses"] {
  const licenses = { synchronized: 0, pending: 0, failed: 0 };
  for (const asset of assets) {
    if (asset.status === "CANCELLED") continue;
    if (asset.syncStatus === "SYNCHRONIZED") licenses.synchronized += 1;
    else if (asset.syncStatus === "FAILED") licenses.failed += 1;
    else licenses.pending += 1;
  }
  return licenses;
}

type SummaryRow = Prisma.OrderGetPayload<{ select: typeof orderSummarySelect }>;
type DetailRow = Prisma.OrderGetPayload<{ select: typeof orderDetailSelect }>;

/**
 * A two-tier order as its end-customer sees it: what its reseller sold it
 * (the storefront prices, the reseller's tax) and the documents the reseller
 * issued to it. None of what the reseller pays is left in the row.
 */
export function resaleSummaryRow<Row extends SummaryRow>(row: Row): Row {
  if (!row.resaleNet || !row.resaleTax || !row.resaleGross) throw new Error(`order ${row.id} is not a two-tier order`);
  return { ...row, net: row.resaleNet, tax: row.resaleTax, gross: row.resaleGross };
}

export function resaleDetailRow(row: DetailRow): DetailRow {
  return {
    ...resaleSummaryRow(row),
    lines: row.lines.map((line) => {
      const { resaleUnitPrice, resaleTaxRate, resaleTaxRegime, resaleNet, resaleTax, resaleGross } = line;
      if (!resaleUnitPrice || !resaleTaxRate || !resaleNet || !resaleTax || !resaleGross)
        throw new Error(`order ${row.id} line ${line.position} has no resale price`);
      return {
        ...line,
        unitPrice: resaleUnitPrice,
        taxRate: resaleTaxRate,
        taxRegime: resaleTaxRegime,
        net: resaleNet,
        tax: resaleTax,
        gross: resaleGross,
      };
    }),
    invoices: row.invoices.filter((invoice) => invoice.accountId === row.recipientAccount.id),
  };
}

export function toOrderDetail(row: DetailRow): OrderDetailDto {
  return {
    ...toOrderSummary(row),
    lines: row.lines.map(
      ({
        subscription: _subscription,
        resaleUnitPrice: _unitPrice,
        resaleTaxRate: _rate,
        resaleTaxRegime: _regime,
        resaleNet: _net,
        resaleTax: _tax,
        resaleGross: _gross,
        ...line
      }) => ({
        ...line,
        kind: line.planId ? ("plan" as const) : ("product" as const),
        unitPrice: money(line.unitPrice),
        taxRate: money(line.taxRate),
        net: money(line.net),
        tax: money(line.tax),
        gross: money(line.gross),
      }),
    ),
    subscriptions: row.lines.flatMap(({ subscription }) =>
      subscription
        ? [
            {
              id: subscription.id,
              number: formatSubscriptionNumber(subscription.number),
              planName: subscription.plan.name,
              status: subscription.status,
            },
          ]
        : [],
    ),
    invoices: row.invoices.map(({ accountId: _accountId, ...invoice }) => ({
      ...invoice,
      gross: money(invoice.gross),
      amountDue: money(invoice.amountDue),
      refundDue: money(invoice.refundDue),
    })),
    assets: row.assets.map((assetRow) => {
      const { attempts, syncAttempts: _attempts, nextSyncAt: _next, syncRetryUntil: _until, ...asset } = assetRow;
      return {
        ...asset,
        retry: retryOf(assetRow),
        attempts: attempts.map((attempt) => ({
          at: attempt.startedAt,
          outcome: attempt.outcome,
          message: attempt.message,
          trigger: attempt.trigger,
        })),
      };
    }),
  };
}

/** The Storefront's order: its assets without provisioning attempts or the vendor's error text. */
export type ShopOrderDetailDto = Omit<OrderDetailDto, "assets"> & {
  assets: (Omit<
    OrderDetailDto["assets"][number],
    "syncError" | "syncFailureCode" | "retry" | "attentionNotifiedAt" | "attempts"
  > & { problem: string | null })[];
};

export function toShopOrderDetail(order: OrderDetailDto): ShopOrderDetailDto {
  return {
    ...order,
    assets: order.assets.map(
      ({
        syncError: _syncError,
        syncFailureCode: _code,
        retry: _retry,
        attentionNotifiedAt: _notified,
        attempts: _attempts,
        ...asset
      }) => ({
        ...asset,
        problem: shopProvisioningProblem({
          syncStatus: asset.syncStatus,
          syncFailureCode: _code,
          attentionNotifiedAt: _notified,
        }),
      }),
    ),
  };
}
