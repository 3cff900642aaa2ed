import { Hono } from "hono";
import { z } from "zod";
import type { SimContext } from "../context.ts";
import { findCoupon, redeemCoupon, viewCoupon } from "../coupons.ts";
import { ApiError } from "../errors.ts";
import { validate, type SimEnv } from "../http.ts";
import { renderCodeForm, renderCoupon } from "../portal-page.ts";

const redeemBody = z.object({ code: z.string().trim().min(1).max(100), email: z.email().max(320) });

/** What an end-customer sees: no API key, just the code from the welcome email. */
export function createPortalRoutes(context: SimContext): Hono<SimEnv> {
  const portal = new Hono<SimEnv>();

  portal.get("/", (c) => {
    const code = c.req.query("code");
    if (!code) return c.html(renderCodeForm());
    try {
      return c.html(renderCoupon(viewCoupon(context, findCoupon(context, code))));
    } catch (error) {
      if (error instanceof ApiError) return c.html(renderCodeForm(error.message), error.status);
      throw error;
    }
  });

  // JSON for programs; a plain HTML form post from the page above.
  portal.post("/redeem", async (c) => {
    const isForm = (c.req.header("content-type") ?? "").includes("application/x-www-form-urlencoded");
    if (!isForm) {
      const body = await c.req.json().catch(() => {
        throw new ApiError(400, "bad_request", "The request body must be a JSON document");
      });
      const { code, email } = validate(redeemBody, body);
      const coupon = redeemCoupon(context, code, email);
      await context.store.persist();
      const {
        code: redeemed,
        skuId,
        licenseCount,
        state,
        redeemedAt,
        redeemedBy,
        licensesExpireAt,
      } = viewCoupon(context, coupon);
      return c.json({ code: redeemed, skuId, licenseCount, state, redeemedAt, redeemedBy, licensesExpireAt });
    }
    const form = await c.req.parseBody();
    const code = typeof form["code"] === "string" ? form["code"] : "";
    try {
      const { email } = validate(redeemBody, { code, email: form["email"] });
      const coupon = redeemCoupon(context, code, email);
      await context.store.persist();
      return c.redirect(`/portal?code=${encodeURIComponent(coupon.code)}`, 303);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const coupon = (() => {
        try {
          return viewCoupon(context, findCoupon(context, code));
        } catch {
          return undefined;
        }
      })();
      return c.html(coupon ? renderCoupon(coupon, error.message) : renderCodeForm(error.message), error.status);
    }
  });

  return portal;
}
