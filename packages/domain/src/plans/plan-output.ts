import { PlanCode, SubscriptionStatus } from "@cm/db";
import { z } from "zod";
import { companyRefOutput, documentRefOutput, moneyOutput, outputSchemaOf, pageOutput } from "../schemas/output.ts";
import type { Page } from "../schemas/common.ts";
import type { AliasCheckResultDto } from "./check-alias.ts";
import type { ShopPlanDto } from "./plan-dto.ts";
import type { ShopSubscriptionDetailDto, SubscriptionDetailDto, SubscriptionSummaryDto } from "./subscription-dto.ts";
import { taxRegimeOutput } from "../tax/tax-output.ts";

const subscriptionSummaryOutput = outputSchemaOf<SubscriptionSummaryDto>()(
  z.object({
    id: z.string(),
    number: z.string(),
    account: companyRefOutput,
    plan: z.object({ code: z.enum(PlanCode), name: z.string() }),
    status: z.enum(SubscriptionStatus),
    currency: z.string(),
    unitPrice: moneyOutput,
    billingPeriodMonths: z.number(),
    startedAt: z.date(),
    currentPeriodEnd: z.date(),
    timeZone: z.string(),
    cancelRequestedAt: z.date().nullable(),
    endedAt: z.date().nullable(),
    endReason: z.string().nullable(),
    storefrontAlias: z.string().nullable(),
  }),
);

export const subscriptionPageOutput = outputSchemaOf<Page<SubscriptionSummaryDto>>()(
  pageOutput(subscriptionSummaryOutput),
);

/** The Storefront's subscription: its history without who acted. */
export const shopSubscriptionDetailOutput = outputSchemaOf<ShopSubscriptionDetailDto>()(
  subscriptionSummaryOutput.extend({
    order: documentRefOutput,
    successor: documentRefOutput.nullable(),
    currentPeriodStart: z.date(),
    events: z.array(
      z.object({
        at: z.date(),
        kind: z.string(),
        fromStatus: z.enum(SubscriptionStatus).nullable(),
        toStatus: z.enum(SubscriptionStatus),
        invoice: documentRefOutput.nullable(),
      }),
    ),
    canCancel: z.boolean(),
    canUpgrade: z.boolean(),
  }),
);

export const shopPlanOutput = outputSchemaOf<ShopPlanDto>()(
  z.object({
    id: z.string(),
    code: z.enum(PlanCode),
    name: z.string(),
    description: z.string(),
    features: z.array(z.string()),
    billingPeriodMonths: z.number(),
    currency: z.string(),
    unitPrice: moneyOutput.nullable(),
    taxRate: moneyOutput,
    taxRegime: taxRegimeOutput,
    unitGross: moneyOutput.nullable(),
  }),
);

export const aliasCheckOutput = outputSchemaOf<AliasCheckResultDto>()(
  z.object({
    alias: z.string(),
    available: z.boolean(),
    reason: z.enum(["invalid", "taken"]).nullable(),
    message: z.string().nullable(),
    url: z.string().nullable(),
  }),
);

/** The distributor's subscription: its history with who acted. */
export const subscriptionDetailOutput = outputSchemaOf<SubscriptionDetailDto>()(
  shopSubscriptionDetailOutput.extend({
    events: z.array(shopSubscriptionDetailOutput.shape.events.element.extend({ actor: z.string() })),
  }),
);
