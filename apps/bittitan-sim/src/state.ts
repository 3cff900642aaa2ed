import { z } from "zod";

// The persisted shape. Version it so a future change can migrate old files
// instead of silently misreading them.
const partnerRecord = z.object({
  id: z.string(),
  email: z.string(),
  companyName: z.string(),
  passwordHash: z.string(),
  createdAt: z.string(),
});

const couponRecord = z.object({
  code: z.string(),
  partnerId: z.string(),
  skuId: z.string(),
  licenseCount: z.number().int(),
  expireDays: z.number().int(),
  validityDays: z.number().int(),
  // "expired" is never stored: it follows from expiresAt and the clock.
  status: z.enum(["active", "redeemed", "revoked"]),
  createdAt: z.string(),
  expiresAt: z.string(),
  reference: z.string().nullable(),
  redeemedAt: z.string().nullable(),
  redeemedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const idempotencyRecord = z.object({
  scope: z.string(),
  key: z.string(),
  fingerprint: z.string(),
  couponCode: z.string(),
  /** On the simulator's clock, like every business time. */
  createdAt: z.string(),
  /**
   * Real time the key was first used: its retention runs on this, so moving
   * the simulator's clock does not age keys. Records of files written before
   * it existed count from when they are loaded.
   */
  recordedAt: z.string().default(() => new Date().toISOString()),
});

export const simState = z.object({
  version: z.literal(1),
  clockOffsetMs: z.number(),
  partners: z.array(partnerRecord),
  coupons: z.array(couponRecord),
  idempotency: z.array(idempotencyRecord),
});

export type PartnerRecord = z.infer<typeof partnerRecord>;
export type CouponRecord = z.infer<typeof couponRecord>;
export type IdempotencyRecord = z.infer<typeof idempotencyRecord>;
export type SimState = z.infer<typeof simState>;

export function emptyState(): SimState {
  return { version: 1, clockOffsetMs: 0, partners: [], coupons: [], idempotency: [] };
}
