import { createHash } from "node:crypto";
import { addDays } from "./clock.ts";
import type { SimContext } from "./context.ts";
import { generateCouponCode, normalizeCouponCode } from "./coupon-code.ts";
import { ApiError, notFound } from "./errors.ts";
import type { CouponRecord } from "./state.ts";

export type CouponState = "active" | "redeemed" | "expired" | "revoked";

export interface CouponView {
  code: string;
  partnerId: string;
  skuId: string;
  licenseCount: number;
  expireDays: number;
  validityDays: number;
  state: CouponState;
  createdAt: string;
  expiresAt: string;
  portalUrl: string;
  reference: string | null;
  redeemedAt: string | null;
  redeemedBy: string | null;
  /** When the redeemed licenses stop working: redemption + validityDays. */
  licensesExpireAt: string | null;
  revokedAt: string | null;
}

export interface NewCoupon {
  partnerId: string;
  skuId: string;
  licenseCount: number;
  expireDays: number;
  validityDays: number;
  reference: string | null;
}

export function couponState(coupon: CouponRecord, now: Date): CouponState {
  if (coupon.status !== "active") return coupon.status;
  return now.getTime() >= Date.parse(coupon.expiresAt) ? "expired" : "active";
}

export function viewCoupon(context: SimContext, coupon: CouponRecord): CouponView {
  return {
    code: coupon.code,
    partnerId: coupon.partnerId,
    skuId: coupon.skuId,
    licenseCount: coupon.licenseCount,
    expireDays: coupon.expireDays,
    validityDays: coupon.validityDays,
    state: couponState(coupon, context.clock.now()),
    createdAt: coupon.createdAt,
    expiresAt: coupon.expiresAt,
    portalUrl: context.portalUrl(coupon.code),
    reference: coupon.reference,
    redeemedAt: coupon.redeemedAt,
    redeemedBy: coupon.redeemedBy,
    licensesExpireAt: coupon.redeemedAt
      ? addDays(new Date(coupon.redeemedAt), coupon.validityDays).toISOString()
      : null,
    revokedAt: coupon.revokedAt,
  };
}

export function findCoupon(context: SimContext, code: string): CouponRecord {
  const normalized = normalizeCouponCode(code);
  const coupon = context.store.state.coupons.find((candidate) => candidate.code === normalized);
  if (!coupon) throw notFound(`Coupon ${normalized}`);
  return coupon;
}

function fingerprint(input: NewCoupon): string {
  const canonical = [
    input.partnerId,
    input.skuId,
    input.licenseCount,
    input.expireDays,
    input.validityDays,
    input.reference,
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/** Like Stripe: a key is remembered for 24 hours. */
export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

/**
 * Forgets the idempotency keys first used longer ago than the retention, in
 * real time (advancing the simulator's clock does not age them). A request
 * repeating a forgotten key is a new request and creates a new coupon.
 */
export function forgetExpiredKeys(context: SimContext): void {
  const { state } = context.store;
  const cutoff = context.realNow() - context.idempotencyRetentionMs;
  if (state.idempotency.some((record) => Date.parse(record.recordedAt) <= cutoff)) {
    state.idempotency = state.idempotency.filter((record) => Date.parse(record.recordedAt) > cutoff);
  }
}

/**
 * Creates a coupon once per (scope, idempotency key) while the key is
 * remembered. Synchronous on purpose: the lookup and the insert cannot
 * interleave with another request.
 */
export function issueCoupon(
  context: SimContext,
  scope: string,
  idempotencyKey: string,
  input: NewCoupon,
): { coupon: CouponRecord; replayed: boolean } {
  forgetExpiredKeys(context);
  const { state } = context.store;
  const print = fingerprint(input);
  const previous = state.idempotency.find((record) => record.scope === scope && record.key === idempotencyKey);
  if (previous) {
    if (previous.fingerprint !== print) {
      throw new ApiError(409, "conflict", "This Idempotency-Key was already used with a different request body");
    }
    return { coupon: findCoupon(context, previous.couponCode), replayed: true };
  }
  const now = context.clock.now();
  let code = generateCouponCode();
  while (state.coupons.some((coupon) => coupon.code === code)) code = generateCouponCode();
  const coupon: CouponRecord = {
    code,
    ...input,
    status: "active",
    createdAt: now.toISOString(),
    expiresAt: addDays(now, input.expireDays).toISOString(),
    redeemedAt: null,
    redeemedBy: null,
    revokedAt: null,
  };
  state.coupons.push(coupon);
  state.idempotency.push({
    scope,
    key: idempotencyKey,
    fingerprint: print,
    couponCode: code,
    createdAt: now.toISOString(),
    recordedAt: new Date(context.realNow()).toISOString(),
  });
  return { coupon, replayed: false };
}

/** Revoking twice returns the revoked coupon; redeemed or expired ones refuse. */
export function revokeCoupon(context: SimContext, code: string): CouponRecord {
  const coupon = findCoupon(context, code);
  const state = couponState(coupon, context.clock.now());
  if (state === "redeemed") {
    throw new ApiError(409, "coupon_redeemed", `Coupon ${coupon.code} has already been redeemed and cannot be revoked`);
  }
  if (state === "expired") {
    throw new ApiError(409, "coupon_expired", `Coupon ${coupon.code} has expired and cannot be revoked`);
  }
  if (state === "active") {
    coupon.status = "revoked";
    coupon.revokedAt = context.clock.now().toISOString();
  }
  return coupon;
}

/** Redeeming again with the same email is a no-op, like a double-clicked button. */
export function redeemCoupon(context: SimContext, code: string, email: string): CouponRecord {
  const coupon = findCoupon(context, code);
  const state = couponState(coupon, context.clock.now());
  const redeemer = email.trim().toLowerCase();
  if (state === "redeemed") {
    if (coupon.redeemedBy === redeemer) return coupon;
    throw new ApiError(409, "coupon_redeemed", `Coupon ${coupon.code} has already been redeemed`);
  }
  if (state === "revoked") throw new ApiError(409, "coupon_revoked", `Coupon ${coupon.code} has been revoked`);
  if (state === "expired") throw new ApiError(409, "coupon_expired", `Coupon ${coupon.code} has expired`);
  coupon.status = "redeemed";
  coupon.redeemedAt = context.clock.now().toISOString();
  coupon.redeemedBy = redeemer;
  return coupon;
}
