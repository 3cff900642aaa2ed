import { BitTitanError, type BitTitanCoupon } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { revokedCouponConsequence } from "./cancel-asset.ts";
import { STORED_STATE } from "./coupon-states.ts";

export type MismatchKind = "asset-without-coupon" | "coupon-without-asset" | "license-count-differs" | "state-differs";
export type FixAction = "resync" | "attach" | "update-state" | "revoke";

export interface Mismatch {
  kind: MismatchKind;
  account: { id: string; companyName: string };
  asset: { id: string; name: string; quantity: number; couponState: string | null } | null;
  coupon: { code: string; licenseCount: number; state: string } | null;
  detail: string;
  /** Offered only where the right fix is unambiguous; `confirm` says what a fix that moves money will do, to ask first. */
  fix: { action: FixAction; label: string; confirm?: string } | null;
}

/**
 * Compares this system's assets with BitTitan's coupons, partner by partner,
 * and lists every mismatch. BitTitan lists only active coupons; the others
 * are looked up one by one.
 */
export async function reconcileAssets(
  deps: DomainDeps,
): Promise<{ checkedAt: Date; partners: number; mismatches: Mismatch[] }> {
  const client = await deps.bittitan.client();
  const accounts = await deps.db.account.findMany({
    where: { bittitanSyncStatus: "SYNCHRONIZED", bittitanPartnerId: { not: null } },
    select: { id: true, companyName: true, bittitanPartnerId: true },
  });
  const mismatches: Mismatch[] = [];
  for (const account of accounts) {
    const partnerId = account.bittitanPartnerId;
    if (!partnerId) continue;
    let active: BitTitanCoupon[];
    try {
      active = await client.listActiveCoupons(partnerId);
    } catch (error) {
      if (error instanceof BitTitanError)
        throw new DomainError("UNAVAILABLE", `BitTitan could not be read: ${error.message}`);
      throw error;
    }
    const who = { id: account.id, companyName: account.companyName };
    const assets = await deps.db.asset.findMany({
      where: { accountId: account.id },
      select: {
        id: true,
        name: true,
        quantity: true,
        status: true,
        syncStatus: true,
        couponCode: true,
        couponState: true,
        purchaseDate: true,
      },
    });
    const byCode = new Map(assets.flatMap((asset) => (asset.couponCode ? [[asset.couponCode, asset] as const] : [])));
    const activeCodes = new Set(active.map((coupon) => coupon.code));
    const view = (asset: (typeof assets)[number]) => ({
      id: asset.id,
      name: asset.name,
      quantity: asset.quantity,
      couponState: asset.couponState,
    });
    const couponView = (coupon: BitTitanCoupon) => ({
      code: coupon.code,
      licenseCount: coupon.licenseCount,
      state: coupon.state,
    });

    for (const coupon of active) {
      const asset = byCode.get(coupon.code);
      if (!asset) {
        const owner = assets.find(
          (candidate) => candidate.id === coupon.reference && !candidate.couponCode && candidate.status === "ACTIVE",
        );
        mismatches.push({
          kind: "coupon-without-asset",
          account: who,
          asset: owner ? view(owner) : null,
          coupon: couponView(coupon),
          detail: owner
            ? `BitTitan made this coupon for asset “${owner.name}”, which does not have it`
            : "No asset here holds this coupon",
          fix: owner ? { action: "attach", label: `Attach to “${owner.name}”` } : null,
        });
        continue;
      }
      if (coupon.licenseCount !== asset.quantity) {
        mismatches.push({
          kind: "license-count-differs",
          account: who,
          asset: view(asset),
          coupon: couponView(coupon),
          detail: `The asset has ${asset.quantity} licenses, the coupon ${coupon.licenseCount}`,
          fix: null,
        });
      }
      if (asset.status === "CANCELLED") {
        mismatches.push({
          kind: "state-differs",
          account: who,
          asset: view(asset),
          coupon: couponView(coupon),
          detail: "The asset is cancelled but its coupon is still active at BitTitan",
          fix: { action: "revoke", label: "Revoke the coupon" },
        });
      }
    }
    for (const asset of assets) {
      if (asset.status === "ACTIVE" && asset.syncStatus === "FAILED") {
        mismatches.push({
          kind: "asset-without-coupon",
          account: who,
          asset: view(asset),
          coupon: null,
          detail: "Provisioning failed: the asset has no coupon",
          fix: { action: "resync", label: "Create the coupon" },
        });
        continue;
      }
      if (!asset.couponCode || asset.couponState !== "ACTIVE" || activeCodes.has(asset.couponCode)) continue;
      const state = await lookUpState(client, asset.couponCode);
      if (state === "not_found") {
        mismatches.push({
          kind: "asset-without-coupon",
          account: who,
          asset: view(asset),
          coupon: null,
          detail: `BitTitan does not know coupon ${asset.couponCode}`,
          fix: null,
        });
      } else if (state !== "active") {
        mismatches.push({
          kind: "state-differs",
          account: who,
          asset: view(asset),
          coupon: { code: asset.couponCode, licenseCount: asset.quantity, state },
          detail: `Active here, ${state} at BitTitan`,
          fix: {
            action: "update-state",
            label: `Mark ${STORED_STATE[state].toLowerCase()}`,
            // Marking a revoked coupon cancelled cancels the asset as a cancellation does (cancelForRevokedCoupon).
            ...(STORED_STATE[state] === "CANCELLED" && { confirm: await revokedCouponConsequence(deps, asset) }),
          },
        });
      }
    }
  }
  return { checkedAt: deps.clock.now(), partners: accounts.length, mismatches };
}

async function lookUpState(client: Awaited<ReturnType<DomainDeps["bittitan"]["client"]>>, code: string) {
  try {
    return (await client.getCoupon(code)).state;
  } catch (error) {
    if (error instanceof BitTitanError && error.kind === "not_found") return "not_found" as const;
    if (error instanceof BitTitanError)
      throw new DomainError("UNAVAILABLE", `BitTitan could not be read: ${error.message}`);
    throw error;
  }
}
