import { randomUUID } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import {
  appRouter,
  CLIENT_IP_HEADER,
  createContextInner,
  DomainError,
  invoicePdf,
  resolveShopCaller,
  statementPdfFor,
  resolveStaffCaller,
  storefrontLogo,
  type AuthRealm,
  TRPC_MAX_BATCH_SIZE,
  type Auths,
  type Caller,
  type DomainDeps,
} from "@cm/domain";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import { apiKeyContext, apiKeyOf } from "./api-key-auth.ts";
import { mountApiDocs } from "./rest/api-docs.ts";
import { mountRestApi } from "./rest/rest-api.ts";
import { REST_CODES, restError } from "./rest/rest-errors.ts";
import { clientAddress, type TrustedProxies } from "./client-address.ts";
import { respondStorefront } from "./reseller-storefronts.ts";
import { throttledSignIn } from "./sign-in-throttling.ts";
import type { StaticApp } from "./static-app.ts";

export interface AppOptions {
  deps: DomainDeps;
  auths: Auths;
  logger: Logger;
  /** Origins allowed to send cookie-bearing writes (CSRF defence). */
  trustedOrigins: string[];
  storefront?: StaticApp;
  bss?: StaticApp;
  /** Peers whose X-Forwarded-For is believed (TRUSTED_PROXIES); none by default. */
  trustedProxies?: TrustedProxies | null;
  /** Answers /healthz: checks the database and anything else the process depends on. */
  health: () => Promise<Record<string, unknown>>;
}

type Env = { Variables: { requestId: string } };

export function createApp(options: AppOptions) {
  const { deps, auths, logger } = options;
  const trusted = new Set(options.trustedOrigins);
  const app = new Hono<Env>();

  app.use(async (c, next) => {
    const requestId = c.req.header("x-request-id") ?? randomUUID();
    c.set("requestId", requestId);
    const started = performance.now();
    await next();
    c.header("x-request-id", requestId);
    const path = c.req.path;
    if (path.startsWith("/trpc") || path.startsWith("/api")) {
      logger.info(
        { requestId, method: c.req.method, path, status: c.res.status, ms: Math.round(performance.now() - started) },
        "request",
      );
    }
  });
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: undefined }));
  app.use("/trpc/*", bodyLimit({ maxSize: 1024 * 1024 }));
  app.use("/api/*", bodyLimit({ maxSize: 64 * 1024 }));

  // Cookie-bearing writes must come from our own pages.
  app.use(async (c, next) => {
    const origin = c.req.header("origin");
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && origin && !trusted.has(origin)) {
      return c.json({ error: { message: `Requests from ${origin} are not allowed` } }, 403);
    }
    return next();
  });

  app.get("/healthz", async (c) => {
    try {
      return c.json({ status: "ok", ...(await options.health()) });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      return c.json({ status: "unavailable" }, 503);
    }
  });

  // better-auth: /api/auth/staff/* and /api/auth/shop/*. The client IP header
  // it rate-limits on is set here from the socket, never taken from the client.
  for (const [realm, auth] of Object.entries(auths) as [AuthRealm, Auths[AuthRealm]][]) {
    app.on(["GET", "POST"], `/api/auth/${realm}/*`, async (c) => {
      const ip = clientIp(c);
      const headers = new Headers(c.req.raw.headers);
      headers.set(CLIENT_IP_HEADER, ip);
      const forward = (request: Request) => auth.handler(new Request(request, { headers }));
      if (c.req.method !== "POST" || c.req.path !== `/api/auth/${realm}/sign-in/email`) return forward(c.req.raw);
      return throttledSignIn(deps, realm, ip, c.req.raw, forward);
    });
  }

  // A batch is one URL naming its procedures comma-separated: refuse a long one
  // before any of it runs.
  app.all("/trpc/*", async (c, next) => {
    const calls = c.req.path.slice("/trpc/".length).split(",").length;
    if (c.req.query("batch") === "1" && calls > TRPC_MAX_BATCH_SIZE) {
      return c.json(
        {
          error: {
            message: `A batch can have at most ${TRPC_MAX_BATCH_SIZE} calls (this one has ${calls})`,
            code: "BAD_REQUEST",
          },
        },
        400,
      );
    }
    return next();
  });
  app.all("/trpc/*", (c) =>
    fetchRequestHandler({
      maxBatchSize: TRPC_MAX_BATCH_SIZE,
      endpoint: "/trpc",
      req: c.req.raw,
      router: appRouter,
      allowMethodOverride: false,
      createContext: async ({ req, resHeaders }) => {
        // With an API key the request is the key's, never a session's (its cookies are ignored).
        const key = await apiKeyOf(deps, req.headers);
        if (key && !key.ok) {
          if (key.status === 429) resHeaders.set("retry-after", String(key.retryAfterSeconds));
          throw new TRPCError({
            code: key.status === 429 ? "TOO_MANY_REQUESTS" : "UNAUTHORIZED",
            message: key.message,
          });
        }
        if (key?.ok) return apiKeyContext(deps, c.get("requestId"), key.caller);
        return createContextInner({
          deps,
          requestId: c.get("requestId"),
          getStaff: () => resolveStaffCaller(auths.staff, deps.db, req.headers, resHeaders),
          getShop: () => resolveShopCaller(auths.shop, deps.db, req.headers, resHeaders),
        });
      },
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          logger.error({ err: error.cause ?? error, path, requestId: c.get("requestId") }, "tRPC error");
        }
      },
    }),
  );

  // Invoice PDFs: each app downloads with its own session, scoped like the API.
  const appError = (status: number, message: string) => Response.json({ error: { message } }, { status });
  // With an API key, errors have the REST API's shape (its document describes these paths too).
  const keyError = (status: number, message: string) =>
    status === 400
      ? restError(400, "validation_failed", message, [{ field: "id", message }])
      : restError(status, REST_CODES[status] ?? "bad_request", message);
  const pdfResponse = async (caller: Caller, id: string, errorOf = appError) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return errorOf(400, "Not a valid invoice id");
    try {
      const { filename, pdf } = await invoicePdf(deps, caller, id);
      return new Response(new Uint8Array(pdf), {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `attachment; filename="${filename}"`,
          "cache-control": "private, no-store",
        },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "NOT_FOUND") return errorOf(404, error.message);
      throw error;
    }
  };
  // With an API key (invoices:read): the distributor's at the BSS path, a reseller's at the Storefront's.
  const keyPdfResponse = async (realm: "staff" | "shop", headers: Headers, id: string) => {
    const key = await apiKeyOf(deps, headers);
    if (!key) return null;
    if (!key.ok) {
      const refused = keyError(key.status, key.message);
      if (key.status === 429) refused.headers.set("retry-after", String(key.retryAfterSeconds));
      return refused;
    }
    const scopes = key.caller.apiKey?.scopes ?? [];
    if (key.caller.kind !== realm || !scopes.includes("invoices:read"))
      return keyError(
        403,
        key.caller.kind !== realm ? "This API key cannot use this path" : "This API key lacks the invoices:read scope",
      );
    return pdfResponse(key.caller, id, keyError);
  };
  app.get("/api/bss/invoices/:id/pdf", async (c) => {
    const byKey = await keyPdfResponse("staff", c.req.raw.headers, c.req.param("id"));
    if (byKey) return byKey;
    const staff = await resolveStaffCaller(auths.staff, deps.db, c.req.raw.headers);
    if (!staff) return c.json({ error: { message: "Please log in to the back office" } }, 401);
    return pdfResponse(staff, c.req.param("id"));
  });
  app.get("/api/storefront/invoices/:id/pdf", async (c) => {
    const byKey = await keyPdfResponse("shop", c.req.raw.headers, c.req.param("id"));
    if (byKey) return byKey;
    const shop = await resolveShopCaller(auths.shop, deps.db, c.req.raw.headers);
    if (!shop) return c.json({ error: { message: "Please log in to the Storefront" } }, 401);
    return pdfResponse(shop, c.req.param("id"));
  });

  // Statements of account: staff for any account, a Storefront caller for its own.
  const statementResponse = async (caller: Caller, query: Record<string, string | undefined>) => {
    try {
      const { filename, pdf } = await statementPdfFor(deps, caller, query);
      return new Response(new Uint8Array(pdf), {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `attachment; filename="${filename}"`,
          "cache-control": "private, no-store",
        },
      });
    } catch (error) {
      if (error instanceof DomainError && (error.code === "NOT_FOUND" || error.code === "INVALID"))
        return Response.json({ error: { message: error.message } }, { status: error.code === "NOT_FOUND" ? 404 : 400 });
      throw error;
    }
  };
  const period = (c: { req: { query: (name: string) => string | undefined } }) => ({
    from: c.req.query("from"),
    to: c.req.query("to"),
    currency: c.req.query("currency"),
  });
  app.get("/api/bss/accounts/:id/statement/pdf", async (c) => {
    const staff = await resolveStaffCaller(auths.staff, deps.db, c.req.raw.headers);
    if (!staff) return c.json({ error: { message: "Please log in to the back office" } }, 401);
    return statementResponse(staff, { accountId: c.req.param("id"), ...period(c) });
  });
  app.get("/api/storefront/statement/pdf", async (c) => {
    const shop = await resolveShopCaller(auths.shop, deps.db, c.req.raw.headers);
    if (!shop) return c.json({ error: { message: "Please log in to the Storefront" } }, 401);
    return statementResponse(shop, period(c));
  });

  // A reseller storefront's logo, public like its sign-in page that shows it. Only PNG and JPEG are ever
  // stored (checked from the bytes); the versioned address (?v=) changes with every upload.
  app.get("/api/storefronts/:alias/logo", async (c) => {
    const logo = await storefrontLogo(deps, c.req.param("alias"));
    if (!logo) return c.json({ error: { message: "This storefront has no logo" } }, 404);
    const versioned = c.req.query("v") === logo.sha256.slice(0, 16);
    return new Response(new Uint8Array(logo.bytes), {
      headers: {
        "content-type": logo.contentType,
        "content-security-policy": "default-src 'none'",
        "cache-control": versioned ? "public, max-age=31536000, immutable" : "no-cache",
        etag: `"${logo.sha256}"`,
      },
    });
  });

  // The public REST API (/api/v1, generated from the procedures), its OpenAPI document and reference.
  mountRestApi(app, deps, logger);
  mountApiDocs(app);

  app.all("/api/*", (c) => c.json({ error: { message: "Not found" } }, 404));

  const { bss, storefront } = options;
  if (bss) {
    app.get("/bss", (c) => c.redirect("/bss/"));
    app.get("/bss/*", (c) => bss.respond(c.req.path.slice("/bss".length), c.req.header("accept-encoding")));
  }
  if (storefront) {
    app.get("*", (c) => respondStorefront(storefront, deps, new URL(c.req.url), c.req.header("accept-encoding")));
  }
  return app;

  /** The client's address: the socket's, or from X-Forwarded-For when the socket is a trusted proxy. */
  function clientIp(c: Parameters<typeof getConnInfo>[0]): string {
    let remote: string | undefined;
    try {
      remote = getConnInfo(c).remote.address;
    } catch {
      remote = undefined;
    }
    return clientAddress(remote, c.req.header("x-forwarded-for"), options.trustedProxies ?? null) ?? "unknown";
  }
}
