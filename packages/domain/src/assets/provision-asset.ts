import type { Prisma } from "@cm/db";
import { provisionCoupon, type BitTitanCoupon } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { loadPartnerCredentials } from "./partner-credentials.ts";
import { queueWelcomeEmail } from "./welcome-email.ts";

export const PROVISIONING_QUEUE = "provisioning.create-coupon";

export type ProvisioningTrigger = "order" | "resync";

/** Queues the coupon creation of an asset inside the caller's transaction. */
export async function enqueueProvisioning(tx: Prisma.TransactionClient, deps: DomainDeps, assetId: string, trigger: ProvisioningTrigger): Promise<void> {
  await deps.queue.send(PROVISIONING_QUEUE, { assetId, trigger }, { tx });
}

/** BitTitan's idempotency key for an asset's coupon: every attempt for one asset asks for the same coupon. */
export const couponIdempotencyKey = (assetId: string) => `asset:${assetId}`;

export type ProvisioningOutcome = { ok: true; couponCode: string } | { ok: false; message: string } | { ok: true; couponCode: null; skipped: string };

/**
 * Creates the asset's coupon at BitTitan and records the outcome. Safe to run
 * any number of times, concurrently or after a crash: BitTitan returns the
 * same coupon for the same key, only the first success is stored, and the
 * welcome email is one per asset.
 */
export async function provisionAsset(deps: DomainDeps, assetId: string, trigger: ProvisioningTrigger): Promise<ProvisioningOutcome> {
  const asset = await deps.db.asset.findUnique({
    where: { id: assetId },
    select: { id: true, status: true, syncStatus: true, couponCode: true, accountId: true, skuId: true, quantity: true, expireDays: true, validityDays: true },
  });
  if (!asset) return { ok: true, couponCode: null, skipped: "the asset does not exist" };
  if (asset.status === "CANCELLED") return { ok: true, couponCode: null, skipped: "the asset is cancelled" };
  if (asset.syncStatus === "SYNCHRONIZED" && asset.couponCode) return { ok: true, couponCode: asset.couponCode };

  const startedAt = deps.clock.now();
  let failure: string;
  try {
    const partner = await loadPartnerCredentials(deps, asset.accountId);
    const result = await provisionCoupon(await deps.bittitan.client(), {
      partner,
      skuId: asset.skuId,
      licenseCount: asset.quantity,
      expireDays: asset.expireDays,
      validityDays: asset.validityDays,
      idempotencyKey: couponIdempotencyKey(asset.id),
      reference: asset.id,
    });
    if (result.ok) {
      await recordCoupon(deps, asset.id, result.coupon, trigger, startedAt);
      return { ok: true, couponCode: result.coupon.code };
    }
    failure = result.failure.message;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    failure = error.message;
  }
  await recordFailure(deps, asset.id, failure, trigger, startedAt);
  return { ok: false, message: failure };
}

async function recordCoupon(deps: DomainDeps, assetId: string, coupon: BitTitanCoupon, trigger: ProvisioningTrigger, startedAt: Date): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.asset.updateMany({
      where: { id: assetId, syncStatus: { not: "SYNCHRONIZED" } },
      data: {
        syncStatus: "SYNCHRONIZED",
        syncError: null,
        couponCode: coupon.code,
        couponState: "ACTIVE",
        couponExpiresAt: new Date(coupon.expiresAt),
        couponCheckedAt: now,
        portalUrl: coupon.portalUrl,
        partnerId: coupon.partnerId,
      },
    });
    await tx.provisioningAttempt.create({
      data: { assetId, trigger, outcome: "SUCCEEDED", couponCode: coupon.code, startedAt, finishedAt: now },
    });
    if (count === 0) return;
    await tx.assetEvent.create({ data: { assetId, at: now, actor: "system", kind: "coupon-created", detail: { couponCode: coupon.code, trigger } } });
    await queueWelcomeEmail(tx, deps, assetId);
  });
}

async function recordFailure(deps: DomainDeps, assetId: string, message: string, trigger: ProvisioningTrigger, startedAt: Date): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    // A failure never overwrites a success recorded by a concurrent attempt.
    await tx.asset.updateMany({ where: { id: assetId, syncStatus: { not: "SYNCHRONIZED" } }, data: { syncStatus: "FAILED", syncError: message } });
    await tx.provisioningAttempt.create({ data: { assetId, trigger, outcome: "FAILED", message, startedAt, finishedAt: now } });
    await tx.assetEvent.create({ data: { assetId, at: now, actor: "system", kind: "provisioning-failed", detail: { message, trigger } } });
  });
  deps.logger.warn({ assetId, trigger, reason: message }, "coupon provisioning failed");
}
