import { createHash } from "node:crypto";
import type { Hono } from "hono";
import { z } from "zod";
import type { SimContext } from "../context.ts";
import { findCoupon, issueCoupon, revokeCoupon, viewCoupon } from "../coupons.ts";
import { ApiError, errorBody } from "../errors.ts";
import { dropConnection, readJson, type SimEnv } from "../http.ts";
import { authenticatePartner } from "../partners.ts";
import { findSku } from "../skus.ts";
import { partnerCredentials } from "./v1-partners.ts";

const createCouponBody = z.object({
  partner: partnerCredentials,
  skuId: z.string().min(1).max(100),
  licenseCount: z.number().int().min(1).max(10_000),
  expireDays: z.number().int().min(1).max(3650),
  validityDays: z.number().int().min(1).max(3650),
  reference: z.string().max(200).nullish(),
});

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function registerCouponRoutes(v1: Hono<SimEnv>, context: SimContext): void {
  // Idempotency keys belong to the API key that used them, as at the vendor.
  const scope = createHash("sha256").update(context.apiKey).digest("hex").slice(0, 16);

  v1.post("/coupons", async (c) => {
    const idempotencyKey = c.req.header("idempotency-key");
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ApiError(
        400,
        "idempotency_key_required",
        "An Idempotency-Key header (1-255 visible ASCII characters) is required",
      );
    }
    const body = await readJson(c, createCouponBody);
    if (!findSku(body.skuId)) throw new ApiError(422, "validation_failed", `skuId: unknown SKU "${body.skuId}"`);
    const partner = await authenticatePartner(context, body.partner.email, body.partner.password);
    const { coupon, replayed } = issueCoupon(context, scope, idempotencyKey, {
      partnerId: partner.id,
      skuId: body.skuId,
      licenseCount: body.licenseCount,
      expireDays: body.expireDays,
      validityDays: body.validityDays,
      reference: body.reference ?? null,
    });
    // A replay may race the first request's write: answer only once it is on disk.
    await context.store.persist();
    // The coupon exists from here on, whatever happens to the answer.
    if (context.faults.fire(context.faults.config.lostResponseRate)) {
      context.faults.injected.lostResponses += 1;
      if (context.faults.config.lostResponseMode === "reset") return dropConnection(c);
      return c.json(errorBody("bad_gateway", "The upstream connection was lost"), 502);
    }
    if (replayed) c.header("Idempotent-Replayed", "true");
    return c.json(viewCoupon(context, coupon), replayed ? 200 : 201);
  });

  v1.get("/coupons/:code", (c) => c.json(viewCoupon(context, findCoupon(context, c.req.param("code")))));

  v1.post("/coupons/:code/revoke", async (c) => {
    const coupon = revokeCoupon(context, c.req.param("code"));
    await context.store.persist();
    return c.json(viewCoupon(context, coupon));
  });
}
