import { AssetStatus, AssetSyncStatus, CouponState } from "@cm/db";
import { z } from "zod";
import { companyRefOutput, documentRefOutput, outputSchemaOf } from "../schemas/output.ts";
import type {
  AssetDetailDto,
  AssetPage,
  AssetSummaryDto,
  ShopAssetDetailDto,
  ShopAssetPage,
  ShopAssetSummaryDto,
} from "./asset-dto.ts";
import type { CancellationVerdict } from "./cancellation.ts";

const cancellationWindow = { endsAt: z.date(), timeZone: z.string(), endsAtText: z.string() };
const cancellationOutput = outputSchemaOf<CancellationVerdict>()(
  z.discriminatedUnion("allowed", [
    z.object({ allowed: z.literal(true), ...cancellationWindow }),
    z.object({ allowed: z.literal(false), reason: z.string(), ...cancellationWindow }),
  ]),
);

export const shopAssetSummaryOutput = outputSchemaOf<ShopAssetSummaryDto>()(
  z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(AssetStatus),
    syncStatus: z.enum(AssetSyncStatus),
    purchaseDate: z.date(),
    quantity: z.number(),
    couponCode: z.string().nullable(),
    couponState: z.enum(CouponState).nullable(),
    product: z.object({ id: z.string(), name: z.string() }),
    account: companyRefOutput,
    recipient: companyRefOutput,
    problem: z.string().nullable(),
  }),
);

export const shopAssetPageOutput = outputSchemaOf<ShopAssetPage>()(
  z.object({ items: z.array(shopAssetSummaryOutput), nextCursor: z.string().nullable() }),
);

export const shopAssetDetailOutput = outputSchemaOf<ShopAssetDetailDto>()(
  shopAssetSummaryOutput.extend({
    expireDays: z.number(),
    validityDays: z.number(),
    couponExpiresAt: z.date().nullable(),
    couponCheckedAt: z.date().nullable(),
    portalUrl: z.string().nullable(),
    cancelledAt: z.date().nullable(),
    order: documentRefOutput.extend({ placedByAccountId: z.string().nullable() }),
    invoice: documentRefOutput.nullable(),
    creditInvoice: documentRefOutput.nullable(),
    cancellation: cancellationOutput,
    history: z.array(z.object({ at: z.date(), what: z.string() })),
  }),
);

/** The distributor's asset (the back office and a distributor's API key): with provisioning errors, attempts and who acted. */
export const assetSummaryOutput = outputSchemaOf<AssetSummaryDto>()(
  shopAssetSummaryOutput.omit({ problem: true }).extend({
    syncError: z.string().nullable(),
    syncFailureCode: z.string().nullable(),
    retry: z.object({ nextAttempt: z.number(), at: z.date(), until: z.date().nullable() }).nullable(),
    attentionNotifiedAt: z.date().nullable(),
  }),
);

export const assetPageOutput = outputSchemaOf<AssetPage>()(
  z.object({ items: z.array(assetSummaryOutput), nextCursor: z.string().nullable() }),
);

export const assetDetailOutput = outputSchemaOf<AssetDetailDto>()(
  assetSummaryOutput.extend({
    ...shopAssetDetailOutput.omit({ history: true, problem: true }).shape,
    ...assetSummaryOutput.shape,
    attempts: z.array(
      z.object({
        at: z.date(),
        outcome: z.enum(["SUCCEEDED", "FAILED"]),
        trigger: z.string(),
        message: z.string().nullable(),
        couponCode: z.string().nullable(),
      }),
    ),
    events: z.array(z.object({ at: z.date(), actor: z.string(), kind: z.string(), detail: z.unknown() })),
  }),
);
