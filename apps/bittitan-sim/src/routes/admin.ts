import { Hono } from "hono";
import { z } from "zod";
import type { SimContext } from "../context.ts";
import { couponState, viewCoupon } from "../coupons.ts";
import { errorBody } from "../errors.ts";
import { faultConfigSchema } from "../faults.ts";
import { hasBearer, readJson, validate, type SimEnv } from "../http.ts";
import { upsertPartner, viewPartner } from "../partners.ts";

const createPartnerBody = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
  companyName: z.string().trim().min(1).max(200),
});

const couponFilter = z.object({
  partnerId: z.string().optional(),
  state: z.enum(["active", "redeemed", "expired", "revoked"]).optional(),
});

const advanceClockBody = z.object({ advanceDays: z.number().positive().max(36_500) });

/** Test and operator controls. Without an admin token the whole surface does not exist. */
export function createAdminRoutes(context: SimContext): Hono<SimEnv> {
  const admin = new Hono<SimEnv>();
  const { adminToken } = context;
  admin.use(async (c, next) => {
    if (!adminToken) return c.json(errorBody("not_found", "Not found"), 404);
    if (!hasBearer(c, adminToken)) return c.json(errorBody("unauthorized", "A valid admin token is required"), 401);
    await next();
  });

  admin.post("/partners", async (c) => {
    const input = await readJson(c, createPartnerBody);
    const { partner, created } = await upsertPartner(context, input);
    await context.store.persist();
    return c.json(viewPartner(partner), created ? 201 : 200);
  });

  admin.get("/partners", (c) => c.json({ items: context.store.state.partners.map(viewPartner) }));

  // Every coupon in every state: what tests check invariants against.
  admin.get("/coupons", (c) => {
    const filter = validate(couponFilter, c.req.query(), "query");
    const now = context.clock.now();
    const items = context.store.state.coupons
      .filter((coupon) => !filter.partnerId || coupon.partnerId === filter.partnerId)
      .filter((coupon) => !filter.state || couponState(coupon, now) === filter.state)
      .map((coupon) => viewCoupon(context, coupon));
    return c.json({ items });
  });

  const faultsView = (): object => ({
    ...context.faults.config,
    injected: context.faults.injected,
    hangingRequests: context.faults.hangingRequests,
  });
  admin.get("/faults", (c) => c.json(faultsView()));
  admin.put("/faults", async (c) => {
    context.faults.replace(await readJson(c, faultConfigSchema));
    return c.json(faultsView());
  });

  const clockView = (): object => ({ now: context.clock.now().toISOString(), offsetDays: context.clock.offsetDays() });
  admin.get("/clock", (c) => c.json(clockView()));
  admin.post("/clock", async (c) => {
    const { advanceDays } = await readJson(c, advanceClockBody);
    context.clock.advanceDays(advanceDays);
    await context.store.persist();
    return c.json(clockView());
  });

  // Partners stay: they are set up once, while coupons and faults are per test.
  admin.post("/reset", async (c) => {
    const { state } = context.store;
    state.coupons = [];
    state.idempotency = [];
    state.clockOffsetMs = 0;
    context.faults.reset();
    await context.store.persist();
    return c.json({ reset: true });
  });

  return admin;
}
