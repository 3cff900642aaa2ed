import { randomUUID } from "node:crypto";
import { insertRows, jobIdFrom, type Prisma } from "@cm/db";
import { provisionCoupon, type BitTitanCoupon } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { emitAssetWebhook } from "./asset-webhooks.ts";
import { DomainError } from "../errors.ts";
import { queueAttentionNotice } from "./attention-notice.ts";
import { holdingCoupon } from "./coupon-states.ts";
import { partnerAccountSelect, partnerCredentialsOf } from "./partner-credentials.ts";
import { judgeAttemptFailure, type ProvisioningFailureCode } from "./provisioning-failure.ts";
import { DEFAULT_PROVISIONING_RETRY_HOURS, retryDelayMs } from "./retry-schedule.ts";
import { queueWelcomeEmail } from "./welcome-email.ts";

export const PROVISIONING_QUEUE = "provisioning.create-coupon";

/** What started an attempt: the checkout, a person (resync, retry all failed), or the retry schedule. */
export type ProvisioningTrigger = "order" | "resync" | "retry";

/** Queues the coupon creation of an asset inside the caller's transaction. */
export async function enqueueProvisioning(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  assetId: string,
  trigger: ProvisioningTrigger,
): Promise<void> {
  await deps.queue.send(PROVISIONING_QUEUE, { assetId, trigger }, { tx });
}

/** BitTitan's idempotency key for an asset's coupon: every attempt for one asset asks for the same coupon. */
export const couponIdempotencyKey = (assetId: string) => `asset:${assetId}`;

export type ProvisioningOutcome =
  | { ok: true; couponCode: string }
  | { ok: true; couponCode: null; skipped: string }
  /** Not yet: BitTitan is tried again automatically at `nextAt`. */
  | { ok: false; final: false; message: string; nextAt: Date }
  /** FAILED: a person has to change something (or the retry horizon passed). */
  | { ok: false; final: true; message: string; code: ProvisioningFailureCode };

const assetForProvisioning = {
  id: true,
  status: true,
  syncStatus: true,
  couponCode: true,
  accountId: true,
  skuId: true,
  quantity: true,
  expireDays: true,
  validityDays: true,
  syncAttempts: true,
  nextSyncAt: true,
  syncWindowStartedAt: true,
  syncRetryUntil: true,
  // The partner login with the asset (one statement): the billed account's, as it stands at this attempt.
  account: { select: partnerAccountSelect },
} satisfies Prisma.AssetSelect;

type AssetForProvisioning = Prisma.AssetGetPayload<{ select: typeof assetForProvisioning }>;

/**
 * Makes one attempt at the asset's coupon and records what it means. Safe to
 * run any number of times, concurrently or after a crash: BitTitan returns the
 * same coupon for the same key, only the first success is stored, the welcome
 * email is one per asset, and a retry is scheduled by whichever attempt moved
 * the asset's attempt count.
 *
 * A transient failure keeps the asset PENDING and schedules the next attempt
 * (retry-schedule.ts) until the window's horizon; a permanent one, or the
 * horizon, makes it FAILED and tells the distributor. A manual resync of a
 * FAILED asset starts a new window.
 */
export async function provisionAsset(
  deps: DomainDeps,
  assetId: string,
  trigger: ProvisioningTrigger,
): Promise<ProvisioningOutcome> {
  let asset = await deps.db.asset.findUnique({ where: { id: assetId }, select: assetForProvisioning });
  if (!asset) return { ok: true, couponCode: null, skipped: "the asset does not exist" };
  if (asset.status === "CANCELLED") return { ok: true, couponCode: null, skipped: "the asset is cancelled" };
  if (asset.syncStatus === "SYNCHRONIZED" && asset.couponCode) return { ok: true, couponCode: asset.couponCode };
  const now = deps.clock.now();
  // A scheduled attempt left over for an asset that has since failed for good: only a person retries that.
  if (trigger === "retry" && asset.syncStatus === "FAILED")
    return { ok: true, couponCode: null, skipped: "provisioning failed for good; a person retries it" };
  if (asset.syncStatus === "FAILED" || !asset.syncWindowStartedAt) asset = await openRetryWindow(deps, asset, now);

  let verdict;
  try {
    const partner = partnerCredentialsOf(deps, asset.account);
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
      await recordCoupon(deps, asset.id, result.coupon, {
        trigger,
        startedAt: now,
        actor: "system",
        event: "coupon-created",
      });
      return { ok: true, couponCode: result.coupon.code };
    }
    verdict = judgeAttemptFailure(result.failure.error ?? new DomainError("UNAVAILABLE", result.failure.message));
  } catch (error) {
    verdict = judgeAttemptFailure(error);
  }

  if (verdict.kind === "deferred") {
    // BitTitan was not called: the attempt does not count. Spread the deferred assets over the next probe interval
    // (the breaker counts in real time, the asset on the business clock).
    const nextAt = new Date(
      now.getTime() + Math.max(0, verdict.retryAt.getTime() - Date.now()) + Math.round(Math.random() * 5_000),
    );
    await deps.db.$transaction(async (tx) => {
      const { count } = await tx.asset.updateMany({
        where: { id: asset.id, syncStatus: "PENDING", syncAttempts: asset.syncAttempts },
        data: { nextSyncAt: nextAt },
      });
      if (count > 0) await scheduleAttempt(tx, deps, asset.id, nextAt);
    });
    return { ok: false, final: false, message: verdict.message, nextAt };
  }
  const attempts = asset.syncAttempts + 1;
  if (verdict.kind === "transient") {
    const nextAt = new Date(now.getTime() + retryDelayMs(attempts, { retryAfterMs: verdict.retryAfterMs }));
    const until = asset.syncRetryUntil;
    if (!until || nextAt.getTime() <= until.getTime()) {
      await recordRetry(deps, asset, { message: verdict.message, trigger, startedAt: now, nextAt });
      return { ok: false, final: false, message: verdict.message, nextAt };
    }
    const span = durationText(until.getTime() - (asset.syncWindowStartedAt?.getTime() ?? until.getTime()));
    const message = `BitTitan could not create the coupon within ${span} of retrying (${attempts} attempt${attempts === 1 ? "" : "s"}); last error: ${verdict.message}`;
    await recordFinalFailure(deps, asset, {
      message,
      code: "gave_up",
      trigger,
      startedAt: now,
      lastError: verdict.message,
    });
    return { ok: false, final: true, message, code: "gave_up" };
  }
  await recordFinalFailure(deps, asset, {
    message: verdict.message,
    code: verdict.code,
    trigger,
    startedAt: now,
    lastError: verdict.message,
  });
  return { ok: false, final: true, message: verdict.message, code: verdict.code };
}

/** "12 hours", "1 hour", "30 minutes", "7 seconds": the retry window, in the unit that reads best. */
function durationText(ms: number): string {
  const [amount, unit] =
    ms >= 3_600_000
      ? [Math.round(ms / 3_600_000), "hour"]
      : ms >= 60_000
        ? [Math.round(ms / 60_000), "minute"]
        : [Math.max(1, Math.round(ms / 1000)), "second"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/**
 * The asset columns of a new retry window starting at `now` (PENDING, the count
 * at 0, the horizon PROVISIONING_RETRY_HOURS ahead, the last failure cleared).
 */
export function freshRetryWindow(deps: DomainDeps, now: Date) {
  const hours = deps.provisioningRetryHours ?? DEFAULT_PROVISIONING_RETRY_HOURS;
  return {
    syncStatus: "PENDING" as const,
    syncAttempts: 0,
    syncWindowStartedAt: now,
    syncRetryUntil: new Date(now.getTime() + hours * 3_600_000),
    nextSyncAt: null,
    syncFailureCode: null,
    attentionNotifiedAt: null,
  } satisfies Prisma.AssetUpdateManyMutationInput;
}

/** A new retry window: the count starts again and the horizon is set from now. */
async function openRetryWindow(
  deps: DomainDeps,
  asset: AssetForProvisioning,
  now: Date,
): Promise<AssetForProvisioning> {
  const window = freshRetryWindow(deps, now);
  const { count } = await deps.db.asset.updateMany({
    where: { id: asset.id, syncStatus: asset.syncStatus, syncAttempts: asset.syncAttempts },
    data: window,
  });
  // Another attempt opened it first: go on with its window.
  if (count === 0)
    return await deps.db.asset.findUniqueOrThrow({ where: { id: asset.id }, select: assetForProvisioning });
  return {
    ...asset,
    syncStatus: window.syncStatus,
    syncAttempts: 0,
    syncWindowStartedAt: now,
    syncRetryUntil: window.syncRetryUntil,
    nextSyncAt: null,
  };
}

/** The delayed job of the next attempt; its id is derived from the asset and the time, so scheduling twice enqueues once. */
async function scheduleAttempt(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  assetId: string,
  nextAt: Date,
): Promise<void> {
  // The delay is counted on the business clock, the job waits in real time.
  const delayMs = Math.max(0, nextAt.getTime() - deps.clock.now().getTime());
  await deps.queue.send(
    PROVISIONING_QUEUE,
    { assetId, trigger: "retry" },
    { tx, startAfter: new Date(Date.now() + delayMs), id: jobIdFrom(`provision:${assetId}:${nextAt.toISOString()}`) },
  );
}

/** Stores a coupon (created now, or found at BitTitan for this asset), unless a concurrent attempt already did. */
export async function recordCoupon(
  deps: DomainDeps,
  assetId: string,
  coupon: BitTitanCoupon,
  how: {
    trigger: ProvisioningTrigger | "adoption";
    startedAt: Date;
    actor: string;
    event: "coupon-created" | "coupon-adopted";
  },
): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.asset.updateMany({
      where: { id: assetId, status: "ACTIVE", syncStatus: { not: "SYNCHRONIZED" } },
      data: holdingCoupon(coupon, now),
    });
    // The attempt's record (whoever stored the coupon) and, for the attempt that stored it, the event: one statement.
    await insertRows(tx, {
      ProvisioningAttempt:
        how.trigger === "adoption"
          ? []
          : [
              {
                id: randomUUID(),
                assetId,
                trigger: how.trigger,
                outcome: "SUCCEEDED",
                couponCode: coupon.code,
                startedAt: how.startedAt,
                finishedAt: now,
              },
            ],
      AssetEvent:
        count === 0
          ? []
          : [
              {
                id: randomUUID(),
                assetId,
                at: now,
                actor: how.actor,
                kind: how.event,
                detail: { couponCode: coupon.code, trigger: how.trigger },
              },
            ],
    });
    if (count === 0) return false;
    await queueWelcomeEmail(tx, deps, assetId);
    await emitAssetWebhook(tx, deps, "asset.synchronized", assetId);
    return true;
  });
}

async function recordRetry(
  deps: DomainDeps,
  asset: AssetForProvisioning,
  what: { message: string; trigger: ProvisioningTrigger; startedAt: Date; nextAt: Date },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await tx.provisioningAttempt.create({
      data: {
        assetId: asset.id,
        trigger: what.trigger,
        outcome: "FAILED",
        message: what.message,
        startedAt: what.startedAt,
        finishedAt: now,
      },
    });
    // Only the attempt that moves the count schedules the next one; a concurrent duplicate just leaves its record.
    const { count } = await tx.asset.updateMany({
      where: { id: asset.id, syncStatus: "PENDING", syncAttempts: asset.syncAttempts },
      data: { syncAttempts: asset.syncAttempts + 1, nextSyncAt: what.nextAt, syncError: what.message },
    });
    if (count > 0) await scheduleAttempt(tx, deps, asset.id, what.nextAt);
  });
  deps.logger.info(
    { assetId: asset.id, attempt: asset.syncAttempts + 1, nextAt: what.nextAt, reason: what.message },
    "coupon provisioning failed, retrying later",
  );
}

async function recordFinalFailure(
  deps: DomainDeps,
  asset: AssetForProvisioning,
  what: {
    message: string;
    code: ProvisioningFailureCode;
    trigger: ProvisioningTrigger;
    startedAt: Date;
    lastError: string;
  },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await tx.provisioningAttempt.create({
      data: {
        assetId: asset.id,
        trigger: what.trigger,
        outcome: "FAILED",
        message: what.lastError,
        startedAt: what.startedAt,
        finishedAt: now,
      },
    });
    // A failure never overwrites a success recorded by a concurrent attempt, nor is it recorded twice.
    const { count } = await tx.asset.updateMany({
      where: { id: asset.id, syncStatus: "PENDING", syncAttempts: asset.syncAttempts },
      data: {
        syncStatus: "FAILED",
        syncError: what.message,
        syncFailureCode: what.code,
        syncAttempts: asset.syncAttempts + 1,
        nextSyncAt: null,
      },
    });
    if (count === 0) return;
    await tx.assetEvent.create({
      data: {
        assetId: asset.id,
        at: now,
        actor: "system",
        kind: "provisioning-failed",
        detail: { message: what.message, code: what.code, trigger: what.trigger },
      },
    });
    if (await queueAttentionNotice(tx, deps, asset.id))
      await tx.asset.update({ where: { id: asset.id }, data: { attentionNotifiedAt: now } });
    // One event per failure: a retry by a person opens a new window, whose failure is a new one.
    await emitAssetWebhook(tx, deps, "asset.failed", asset.id, String(asset.syncAttempts + 1));
  });
  deps.logger.warn(
    { assetId: asset.id, trigger: what.trigger, code: what.code, reason: what.message },
    "coupon provisioning failed",
  );
}
