import type { Hono } from "hono";
import { z } from "zod";
import type { SimContext } from "../context.ts";
import { couponState, viewCoupon } from "../coupons.ts";
import { notFound } from "../errors.ts";
import { readJson, validate, type SimEnv } from "../http.ts";
import { authenticatePartner, findPartnerById, viewPartner } from "../partners.ts";

export const partnerCredentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

// Keyset cursor over (createdAt, code): stable while coupons change state between pages.
const cursorPosition = z.tuple([z.string(), z.string()]);

function encodeCursor(createdAt: string, code: string): string {
  return Buffer.from(JSON.stringify([createdAt, code])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  return validate(cursorPosition, decoded, "cursor");
}

export function registerPartnerRoutes(v1: Hono<SimEnv>, context: SimContext): void {
  v1.post("/partners/verify", async (c) => {
    const { email, password } = await readJson(c, partnerCredentials);
    const partner = await authenticatePartner(context, email, password);
    return c.json(viewPartner(partner));
  });

  // Like the vendor: only coupons still active are listed.
  v1.get("/partners/:partnerId/coupons", (c) => {
    const partnerId = c.req.param("partnerId");
    if (!findPartnerById(context, partnerId)) throw notFound(`Partner ${partnerId}`);
    const { limit, cursor } = validate(listQuery, c.req.query(), "query");
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const now = context.clock.now();
    const active = context.store.state.coupons
      .filter((coupon) => coupon.partnerId === partnerId && couponState(coupon, now) === "active")
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.code.localeCompare(b.code))
      .filter(
        (coupon) => !after || coupon.createdAt > after[0] || (coupon.createdAt === after[0] && coupon.code > after[1]),
      );
    const page = active.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = active.length > limit && last ? encodeCursor(last.createdAt, last.code) : null;
    return c.json({ items: page.map((coupon) => viewCoupon(context, coupon)), nextCursor });
  });
}
