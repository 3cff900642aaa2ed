import { BitTitanCircuitOpenError, BitTitanError, type BitTitanCoupon } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { recordCoupon } from "./provision-asset.ts";

export const ADOPT_ORPHANS_QUEUE = "provisioning.adopt-orphans";

/**
 * Finds coupons BitTitan made for an asset that never heard back (the answer
 * was lost, then the attempts failed) and attaches them, with the welcome
 * email, without a person. Only unambiguous matches: the coupon's reference
 * is the asset's id, and partner, SKU and license count agree. Anything else
 * stays in the reconciliation view for staff.
 */
export async function adoptOrphanCoupons(
  deps: DomainDeps,
  options: { accountIds?: string[] } = {},
): Promise<{ partners: number; adopted: number }> {
  const connection = await deps.db.bitTitanConnection.findUnique({ where: { id: 1 }, select: { active: true } });
  if (!connection?.active) return { partners: 0, adopted: 0 };
  // Only partners with an asset still waiting for its coupon can have an orphan that belongs here.
  const waiting = await deps.db.asset.findMany({
    where: {
      status: "ACTIVE",
      couponCode: null,
      ...(options.accountIds ? { accountId: { in: options.accountIds } } : {}),
    },
    select: { id: true, skuId: true, quantity: true, account: { select: { bittitanPartnerId: true } } },
  });
  const byPartner = new Map<string, typeof waiting>();
  for (const asset of waiting) {
    const partnerId = asset.account.bittitanPartnerId;
    if (partnerId) byPartner.set(partnerId, [...(byPartner.get(partnerId) ?? []), asset]);
  }
  const client = await deps.bittitan.client();
  let adopted = 0;
  for (const [partnerId, assets] of byPartner) {
    let coupons: BitTitanCoupon[];
    try {
      coupons = await client.listActiveCoupons(partnerId);
    } catch (error) {
      if (!(error instanceof BitTitanError)) throw error;
      deps.logger.warn({ partnerId, reason: error.message }, "orphan coupons not looked for at a partner");
      if (error instanceof BitTitanCircuitOpenError) break;
      continue;
    }
    const byId = new Map(assets.map((asset) => [asset.id, asset]));
    for (const coupon of coupons) {
      const asset = coupon.reference ? byId.get(coupon.reference) : undefined;
      if (
        !asset ||
        coupon.partnerId !== partnerId ||
        coupon.skuId !== asset.skuId ||
        coupon.licenseCount !== asset.quantity
      )
        continue;
      if (await deps.db.asset.findUnique({ where: { couponCode: coupon.code }, select: { id: true } })) continue;
      const now = deps.clock.now();
      if (
        await recordCoupon(deps, asset.id, coupon, {
          trigger: "adoption",
          startedAt: now,
          actor: "system",
          event: "coupon-adopted",
        })
      ) {
        adopted += 1;
        deps.logger.info(
          { assetId: asset.id, couponCode: coupon.code },
          "coupon made for this asset found at BitTitan and attached",
        );
      }
    }
  }
  return { partners: byPartner.size, adopted };
}
