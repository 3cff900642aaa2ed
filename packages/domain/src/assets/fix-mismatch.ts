import { revokeCouponIdempotently } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { attachCoupon } from "./attach-coupon.ts";
import { cancelForRevokedCoupon } from "./cancel-asset.ts";
import { STORED_STATE } from "./coupon-states.ts";
import { provisionAsset } from "./provision-asset.ts";
import type { FixAction } from "./reconcile.ts";

/** Applies one reconciliation fix; each is safe to repeat. */
export async function fixMismatch(
  deps: DomainDeps,
  actor: string,
  input: { action: FixAction; assetId: string; couponCode?: string | null },
): Promise<{ done: string }> {
  const asset = await deps.db.asset.findUnique({
    where: { id: input.assetId },
    select: { id: true, couponCode: true },
  });
  if (!asset) throw notFound("The asset");
  const client = await deps.bittitan.client();
  switch (input.action) {
    case "resync": {
      const outcome = await provisionAsset(deps, asset.id, "resync");
      if (!outcome.ok && outcome.final) throw new DomainError("UNAVAILABLE", outcome.message);
      if (!outcome.ok)
        return { done: `BitTitan did not answer (${outcome.message}); the coupon is retried automatically` };
      return { done: outcome.couponCode ? "Coupon created" : "Nothing to do" };
    }
    case "attach": {
      if (!input.couponCode) throw new DomainError("INVALID", "Which coupon?", "couponCode");
      await attachCoupon(deps, actor, { id: asset.id, couponCode: input.couponCode });
      return { done: "Coupon attached" };
    }
    case "update-state": {
      if (!asset.couponCode) throw new DomainError("PRECONDITION_FAILED", "The asset has no coupon");
      const coupon = await client.getCoupon(asset.couponCode);
      const state = STORED_STATE[coupon.state];
      if (state === "CANCELLED") {
        await cancelForRevokedCoupon(deps, actor, asset.id, "reconciliation");
        return { done: "Marked cancelled" };
      }
      await deps.db.$transaction([
        deps.db.asset.update({
          where: { id: asset.id },
          data: { couponState: state, couponCheckedAt: deps.clock.now() },
        }),
        deps.db.assetEvent.create({
          data: {
            assetId: asset.id,
            at: deps.clock.now(),
            actor,
            kind: "coupon-state",
            detail: { state, via: "reconciliation" },
          },
        }),
      ]);
      return { done: `Marked ${state.toLowerCase()}` };
    }
    case "revoke": {
      if (!asset.couponCode) throw new DomainError("PRECONDITION_FAILED", "The asset has no coupon");
      const revoked = await revokeCouponIdempotently(client, asset.couponCode);
      if (!revoked.ok) throw new DomainError("PRECONDITION_FAILED", revoked.failure.message);
      await deps.db.assetEvent.create({
        data: {
          assetId: asset.id,
          at: deps.clock.now(),
          actor,
          kind: "coupon-revoked",
          detail: { via: "reconciliation" },
        },
      });
      return { done: "Coupon revoked" };
    }
  }
}
