import { z } from "zod";
import { attachCoupon } from "../../assets/attach-coupon.ts";
import { cancelAsset, cancelOrder } from "../../assets/cancel-asset.ts";
import { editAsset } from "../../assets/edit-asset.ts";
import { fixMismatch } from "../../assets/fix-mismatch.ts";
import { getAsset } from "../../assets/get-asset.ts";
import { countAssets, listAssets } from "../../assets/list-assets.ts";
import { reconcileAssets } from "../../assets/reconcile.ts";
import { refreshCouponStates } from "../../assets/refresh-coupon-states.ts";
import { refuseSuspendOrAmend } from "../../assets/no-suspend-or-amend.ts";
import { countFailed, retryFailed, retryProgress } from "../../assets/retry-failed.ts";
import { actorOf } from "../../callers.ts";
import { idempotent } from "../../idempotency.ts";
import {
  assetFilterInput,
  attachCouponInput,
  editAssetInput,
  listAssetsInput,
  retryProgressInput,
} from "../../schemas/assets.ts";
import { idSchema, text } from "../../schemas/common.ts";
import { assetDetailOutput, assetPageOutput } from "../../assets/asset-output.ts";
import { router, staffProcedure } from "../../trpc.ts";

const byId = z.object({ id: idSchema });

export const bssAssetRouter = router({
  list: staffProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/distributor/assets",
        tags: ["Assets"],
        summary: "List assets",
        description: "Filter by account, product, sync status, coupon state, purchase dates or text; pages by cursor.",
      },
    })
    .input(listAssetsInput)
    .output(assetPageOutput)
    .query(({ ctx, input }) => listAssets(ctx.deps, ctx.staff, input)),
  /** How many assets the list's filters match (a separate query: the list itself pages without counting). */
  count: staffProcedure
    .input(assetFilterInput)
    .output(z.object({ count: z.number().int(), capped: z.boolean() }))
    .query(({ ctx, input }) => countAssets(ctx.deps, ctx.staff, input)),
  get: staffProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/distributor/assets/{id}",
        tags: ["Assets"],
        summary: "Read an asset",
        description: "With its coupon code once provisioned, its provisioning attempts and its history.",
      },
    })
    .input(byId)
    .output(assetDetailOutput)
    .query(({ ctx, input }) => getAsset(ctx.deps, ctx.staff, input.id)),
  update: staffProcedure
    .meta({
      rest: {
        method: "PUT",
        path: "/distributor/assets/{id}",
        tags: ["Assets"],
        summary: "Update or re-sync an asset",
        description:
          "Saves its name and recipient; saving a failed asset provisions it again at BitTitan (on success a new coupon and the welcome email; on failure nothing changes).",
      },
    })
    .input(editAssetInput)
    .output(assetDetailOutput)
    .mutation(({ ctx, input }) => editAsset(ctx.deps, ctx.staff, input)),
  attachCoupon: staffProcedure
    .input(attachCouponInput)
    .mutation(({ ctx, input }) => attachCoupon(ctx.deps, actorOf(ctx.staff), input)),
  cancel: staffProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/distributor/assets/{id}/cancel",
        tags: ["Assets"],
        summary: "Cancel an asset",
        description:
          "Within 15 days of purchase and before the coupon is redeemed: revokes the coupon, issues a credit note for the full amount and notifies the recipient. Cancelling twice is a no-op.",
      },
    })
    .input(byId)
    .output(assetDetailOutput)
    .mutation(({ ctx, input }) => cancelAsset(ctx.deps, ctx.staff, input.id)),
  cancelOrder: staffProcedure.input(byId).mutation(async ({ ctx, input }) => {
    await cancelOrder(ctx.deps, ctx.staff, input.id);
    return { ok: true as const };
  }),
  suspend: staffProcedure.input(byId).mutation(() => refuseSuspendOrAmend("suspended")),
  amend: staffProcedure.input(byId).mutation(() => refuseSuspendOrAmend("amended")),
  refreshCouponStates: staffProcedure.mutation(({ ctx }) => refreshCouponStates(ctx.deps)),
  reconcile: staffProcedure.mutation(({ ctx }) => reconcileAssets(ctx.deps)),
  fixMismatch: staffProcedure
    .input(
      z.object({
        action: z.enum(["resync", "attach", "update-state", "revoke"]),
        assetId: idSchema,
        couponCode: text().trim().max(40).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => fixMismatch(ctx.deps, actorOf(ctx.staff), input)),
  /** Billing > Assets, "Retry all failed": how many it would retry with the list's filters. */
  countFailed: staffProcedure.input(assetFilterInput).query(({ ctx, input }) => countFailed(ctx.deps, input)),
  retryFailed: staffProcedure
    .input(assetFilterInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input: { idempotencyKey: _key, ...filter } }) =>
      retryFailed(ctx.deps, actorOf(ctx.staff), filter),
    ),
  retryProgress: staffProcedure
    .input(retryProgressInput)
    .query(({ ctx, input }) => retryProgress(ctx.deps, input.batch)),
});
