import { AssetSyncStatus, CouponState, InvoiceState, OrderChannel, OrderStatus, SubscriptionStatus } from "@cm/db";
import { z } from "zod";
import {
  companyRefOutput,
  documentRefOutput,
  lineAmountsOutput,
  moneyOutput,
  outputSchemaOf,
  pageOutput,
  totalsOutput,
} from "../schemas/output.ts";
import type { Page } from "../schemas/common.ts";
import type { OrderDetailDto, OrderSummaryDto, ShopOrderDetailDto } from "./order-dto.ts";
import type { BssOrderDetailDto } from "./bss-orders.ts";
import { taxRegimeOutput } from "../tax/tax-output.ts";

const orderSummaryOutput = outputSchemaOf<OrderSummaryDto>()(
  totalsOutput.extend({
    id: z.string(),
    number: z.string(),
    channel: z.enum(OrderChannel),
    status: z.enum(OrderStatus),
    account: companyRefOutput,
    recipient: companyRefOutput,
    currency: z.string(),
    createdAt: z.date(),
    completedAt: z.date().nullable(),
    licenses: z
      .object({ synchronized: z.number(), pending: z.number(), failed: z.number() })
      .describe("The order's assets that are not cancelled, by their coupons' sync status"),
  }),
);

export const orderPageOutput = outputSchemaOf<Page<OrderSummaryDto>>()(pageOutput(orderSummaryOutput));

/** The Storefront's order: its assets without provisioning attempts or the vendor's error text. */
export const shopOrderDetailOutput = outputSchemaOf<ShopOrderDetailDto>()(
  orderSummaryOutput.extend({
    lines: z.array(
      lineAmountsOutput.extend({
        position: z.number(),
        kind: z.enum(["product", "plan"]),
        productId: z.string().nullable(),
        planId: z.string().nullable(),
        productName: z.string(),
        sku: z.string(),
        assetName: z.string().nullable(),
        storefrontAlias: z.string().nullable(),
        taxRegime: taxRegimeOutput.nullable(),
      }),
    ),
    subscriptions: z.array(
      z.object({ id: z.string(), number: z.string(), planName: z.string(), status: z.enum(SubscriptionStatus) }),
    ),
    invoices: z.array(
      documentRefOutput.extend({
        kind: z.enum(["INVOICE", "CREDIT"]),
        state: z.enum(InvoiceState),
        gross: moneyOutput,
        amountDue: moneyOutput,
        refundDue: moneyOutput,
      }),
    ),
    assets: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        quantity: z.number(),
        syncStatus: z.enum(AssetSyncStatus),
        couponCode: z.string().nullable(),
        couponState: z.enum(CouponState).nullable(),
        portalUrl: z.string().nullable(),
        status: z.enum(["ACTIVE", "CANCELLED"]),
        problem: z.string().nullable(),
      }),
    ),
  }),
);

const cancellationWindowOutput = { endsAt: z.date(), timeZone: z.string(), endsAtText: z.string() };

/** The distributor's order (the back office and a distributor's API key): its assets with provisioning attempts and errors. */
export const orderDetailOutput = outputSchemaOf<OrderDetailDto>()(
  shopOrderDetailOutput.extend({
    assets: z.array(
      shopOrderDetailOutput.shape.assets.element.omit({ problem: true }).extend({
        syncError: z.string().nullable(),
        syncFailureCode: z.string().nullable(),
        retry: z.object({ nextAttempt: z.number(), at: z.date(), until: z.date().nullable() }).nullable(),
        attentionNotifiedAt: z.date().nullable(),
        attempts: z.array(
          z.object({
            at: z.date(),
            outcome: z.enum(["SUCCEEDED", "FAILED"]),
            message: z.string().nullable(),
            trigger: z.string(),
          }),
        ),
      }),
    ),
  }),
);

/** `bss.order.get`: the order and whether it may be cancelled now (null: nothing to cancel). */
export const bssOrderDetailOutput = outputSchemaOf<BssOrderDetailDto>()(
  orderDetailOutput.extend({
    cancellation: z
      .union([
        z.object({ allowed: z.literal(true), ...cancellationWindowOutput }),
        z.object({ allowed: z.literal(false), reason: z.string() }),
      ])
      .nullable(),
  }),
);
