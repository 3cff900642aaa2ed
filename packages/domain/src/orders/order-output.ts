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
import type { OrderSummaryDto, ShopOrderDetailDto } from "./order-dto.ts";
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
