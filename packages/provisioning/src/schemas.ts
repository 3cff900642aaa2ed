import { z } from "zod";

// Response shapes, checked on every answer: a vendor change shows up as a
// clear BitTitanInvalidResponseError, not as undefined deep in the domain.

export const skuSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  // A string, not an enum: the vendor may add product types the product ignores.
  productType: z.string(),
  description: z.string(),
  unit: z.string().optional(),
  currency: z.string().default("USD"),
  listPrice: z.string().regex(/^\d+(\.\d+)?$/),
});

export const partnerSchema = z.object({
  partnerId: z.string().min(1),
  email: z.string(),
  companyName: z.string(),
});

export const couponStateSchema = z.enum(["active", "redeemed", "expired", "revoked"]);

export const couponSchema = z.object({
  code: z.string().min(1),
  partnerId: z.string(),
  skuId: z.string(),
  licenseCount: z.number().int(),
  expireDays: z.number().int(),
  validityDays: z.number().int(),
  state: couponStateSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  portalUrl: z.string(),
  reference: z.string().nullable().default(null),
  redeemedAt: z.string().nullable().default(null),
  redeemedBy: z.string().nullable().default(null),
  revokedAt: z.string().nullable().default(null),
});

export const skuListSchema = z.object({ items: z.array(skuSchema) });
export const couponPageSchema = z.object({ items: z.array(couponSchema), nextCursor: z.string().nullable() });
export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type BitTitanSku = z.infer<typeof skuSchema>;
export type BitTitanPartner = z.infer<typeof partnerSchema>;
export type BitTitanCoupon = z.infer<typeof couponSchema>;
export type CouponState = z.infer<typeof couponStateSchema>;

/** A partner's BitTitan login (the "Tier-2 credentials"). Never logged. */
export interface PartnerCredentials {
  email: string;
  password: string;
}
