import { PlanCode } from "@cm/db";
import { z } from "zod";
import { moneyOutput, outputSchemaOf } from "../schemas/output.ts";
import { shopPlanOutput } from "../plans/plan-output.ts";
import type { MyStorefrontDto } from "./my-storefront.ts";
import type { ResellerPlansDto } from "./reseller-plans.ts";

export const resellerPlansOutput = outputSchemaOf<ResellerPlansDto>()(
  z.object({
    current: z.object({
      code: z.enum(["BASIC", ...Object.values(PlanCode)]),
      name: z.string(),
      status: z.enum(["ACTIVE", "PENDING_CANCELLATION"]).nullable(),
      currentPeriodEnd: z.date().nullable(),
      timeZone: z.string(),
      subscriptionId: z.string().nullable(),
    }),
    storefront: z.object({ alias: z.string(), url: z.string(), open: z.boolean() }).nullable(),
    plans: z.array(shopPlanOutput.extend({ problem: z.string().nullable() })),
  }),
);

export const myStorefrontOutput = outputSchemaOf<MyStorefrontDto>()(
  z.object({
    alias: z.string(),
    url: z.string(),
    open: z.boolean(),
    message: z.string().nullable(),
    editable: z.boolean(),
    displayName: z.string(),
    primaryColor: z.string(),
    markupPercent: z.string(),
    plan: z.object({ code: z.string(), name: z.string() }),
    products: z.array(
      z.object({
        productId: z.string(),
        productName: z.string(),
        currency: z.string(),
        distributorPrice: moneyOutput.nullable(),
        ownMarkupPercent: z.string().nullable(),
        storefrontPrice: moneyOutput.nullable(),
      }),
    ),
  }),
);
