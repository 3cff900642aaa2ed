import { Hono, type MiddlewareHandler } from "hono";
import type { SimContext } from "../context.ts";
import { errorBody } from "../errors.ts";
import { dropConnection, hasBearer, type SimEnv } from "../http.ts";
import { SKUS } from "../skus.ts";
import { registerCouponRoutes } from "./v1-coupons.ts";
import { registerPartnerRoutes } from "./v1-partners.ts";

const ERROR_CODES = { 500: "internal_error", 502: "bad_gateway", 503: "unavailable", 504: "timeout" } as const;

/** The distributor API. Faults come first: a down vendor does not check keys. */
export function createV1Routes(context: SimContext): Hono<SimEnv> {
  const v1 = new Hono<SimEnv>();
  v1.use(injectFaults(context));
  v1.use(async (c, next) => {
    if (!hasBearer(c, context.apiKey)) {
      return c.json(errorBody("unauthorized", "A valid API key is required (Authorization: Bearer <key>)"), 401);
    }
    await next();
  });
  v1.get("/skus", (c) => c.json({ items: SKUS }));
  registerPartnerRoutes(v1, context);
  registerCouponRoutes(v1, context);
  return v1;
}

function injectFaults(context: SimContext): MiddlewareHandler<SimEnv> {
  const { faults } = context;
  return async (c, next) => {
    const config = faults.config;
    if (config.down) {
      faults.injected.downRejections += 1;
      if (config.downMode === "reset") return dropConnection(c);
      c.header("Retry-After", "30");
      return c.json(errorBody("unavailable", "The service is temporarily unavailable"), 503);
    }
    if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
    if (faults.fire(config.timeoutRate)) {
      faults.injected.timeouts += 1;
      await faults.hang(c.env.outgoing);
      // Only reached if the client is still waiting after the hang limit.
      if (c.env.outgoing.destroyed) return new Response(null, { status: 204 });
      return c.json(errorBody("timeout", "The request timed out"), 504);
    }
    if (faults.fire(config.errorRate)) {
      faults.injected.errors += 1;
      return c.json(
        errorBody(ERROR_CODES[config.errorStatus], `Injected fault: HTTP ${config.errorStatus}`),
        config.errorStatus,
      );
    }
    await next();
  };
}
