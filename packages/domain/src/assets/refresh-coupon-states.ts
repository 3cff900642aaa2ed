import { BitTitanError, readCouponStates } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import type { BackgroundArea } from "../jobs/background-area.ts";
import { cancelForRevokedCoupon } from "./cancel-asset.ts";
import { STORED_STATE } from "./coupon-states.ts";

export const REFRESH_COUPON_STATES_QUEUE = "assets.refresh-coupon-states";

/**
 * Keeps coupon states current: asks BitTitan about every active coupon, per
 * partner (its active list, then each coupon it no longer lists), and stores
 * redeemed / expired / revoked here, where they stay after BitTitan forgets them.
 */
export async function refreshCouponStates(deps: DomainDeps): Promise<{ checked: number; changed: number }> {
  const connection = await deps.db.bitTitanConnection.findUnique({ where: { id: 1 }, select: { active: true } });
  if (!connection?.active) return { checked: 0, changed: 0 };
  const client = await deps.bittitan.client();
  const partners = await deps.db.asset.groupBy({
    by: ["partnerId"],
    where: { couponState: "ACTIVE", partnerId: { not: null } },
  });
  let checked = 0;
  let changed = 0;
  for (const { partnerId } of partners) {
    if (!partnerId) continue;
    const assets = await deps.db.asset.findMany({
      where: { partnerId, couponState: "ACTIVE", couponCode: { not: null } },
      select: { id: true, couponCode: true },
    });
    let states;
    try {
      states = await readCouponStates(
        client,
        partnerId,
        assets.flatMap((asset) => (asset.couponCode ? [asset.couponCode] : [])),
      );
    } catch (error) {
      if (!(error instanceof BitTitanError)) throw error;
      deps.logger.warn({ partnerId, reason: error.message }, "coupon states not refreshed for a partner");
      continue;
    }
    const now = deps.clock.now();
    for (const asset of assets) {
      checked += 1;
      const state = asset.couponCode ? states.get(asset.couponCode) : undefined;
      if (!state || state === "not_found" || state === "active") continue;
      changed += 1;
      if (state === "revoked") {
        await cancelForRevokedCoupon(deps, "system", asset.id, "state-check");
        continue;
      }
      await deps.db.$transaction([
        deps.db.asset.update({
          where: { id: asset.id },
          data: { couponState: STORED_STATE[state], couponCheckedAt: now },
        }),
        deps.db.assetEvent.create({
          data: {
            assetId: asset.id,
            at: now,
            actor: "system",
            kind: "coupon-state",
            detail: { state: STORED_STATE[state] },
          },
        }),
      ]);
    }
    await deps.db.asset.updateMany({ where: { partnerId, couponState: "ACTIVE" }, data: { couponCheckedAt: now } });
  }
  return { checked, changed };
}

/** Every 15 minutes; staff can also run it from the BSS. */
export const couponStatesArea: BackgroundArea = {
  queues: [
    {
      name: REFRESH_COUPON_STATES_QUEUE,
      retryLimit: 1,
      retryDelaySeconds: 60,
      retryBackoff: false,
      expireInSeconds: 900,
    },
  ],
  async start(deps, queue) {
    await queue.schedule(REFRESH_COUPON_STATES_QUEUE, "*/15 * * * *");
    await queue.work(REFRESH_COUPON_STATES_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      const result = await refreshCouponStates(deps);
      deps.logger.info(result, "coupon states refreshed");
    });
  },
};
