import { Hono } from "hono";
import openapi from "../openapi.json" with { type: "json" };
import type { SimContext } from "./context.ts";
import { ApiError, errorBody } from "./errors.ts";
import type { SimEnv } from "./http.ts";
import { createAdminRoutes } from "./routes/admin.ts";
import { createPortalRoutes } from "./routes/portal.ts";
import { createV1Routes } from "./routes/v1.ts";

export function createApp(context: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/openapi.json", (c) => c.json(openapi));
  app.route("/v1", createV1Routes(context));
  app.route("/admin", createAdminRoutes(context));
  app.route("/portal", createPortalRoutes(context));
  app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status);
    console.error("bittitan-sim: unhandled error", error);
    return c.json(errorBody("internal_error", "Internal server error"), 500);
  });
  return app;
}
