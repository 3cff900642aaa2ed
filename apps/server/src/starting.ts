import { appRouter } from "@cm/domain";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

/** Seconds a client is asked to wait before trying again while the server starts. */
export const STARTING_RETRY_AFTER_SECONDS = 2;
const MESSAGE = "CloudMarket is starting; try again in a moment";

/**
 * What the server answers between listening and being ready (migrations,
 * seeding): 503 with Retry-After, in the format each caller parses. tRPC
 * requests go through tRPC itself with a context that refuses, so the error
 * is shaped, transformed and batched exactly as the tRPC client expects (an
 * array for `?batch=1`) and no procedure runs.
 */
export async function respondStarting(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const retryAfter = { "retry-after": String(STARTING_RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  if (pathname === "/trpc" || pathname.startsWith("/trpc/")) {
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      req: request,
      router: appRouter,
      allowMethodOverride: false,
      createContext: () => {
        throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: MESSAGE });
      },
    });
    for (const [name, value] of Object.entries(retryAfter)) response.headers.set(name, value);
    return response;
  }
  if (pathname === "/healthz") return Response.json({ status: "starting" }, { status: 503, headers: retryAfter });
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return Response.json(
      { error: { message: MESSAGE, code: "SERVICE_UNAVAILABLE" } },
      { status: 503, headers: retryAfter },
    );
  }
  return new Response(STARTING_PAGE, {
    status: 503,
    headers: { ...retryAfter, "content-type": "text/html; charset=utf-8" },
  });
}

const STARTING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${STARTING_RETRY_AFTER_SECONDS}">
<title>CloudMarket is starting</title></head>
<body style="font-family: system-ui, sans-serif; margin: 4rem auto; max-width: 32rem">
<h1>CloudMarket is starting</h1><p>This page reloads by itself in a moment.</p></body></html>
`;
