import { TRPC_MAX_BATCH_SIZE, type AppRouter } from "@cm/domain/client";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";

export type { AppRouter, RouterInputs, RouterOutputs } from "@cm/domain/client";
export { TRPCClientError };

export interface ClientOptions {
  /** The server's address, e.g. "https://market.example.com" (the API is at /trpc below it). */
  baseUrl: string;
  /** An API key made in the BSS (Setup > API keys) or by a Standard reseller in its Storefront; sent as `Authorization: Bearer`. */
  apiKey: string;
  /** Another fetch (a proxy agent, a test's); the global one by default. */
  fetch?: typeof fetch;
}

/**
 * A typed client of every procedure the apps call, for a program talking to
 * CloudMarket with an API key: `client.bss.asset.list.query({...})`. The
 * calls are the apps' own, with their rules and scoping: a key reaches what its
 * scopes allow (a missing scope is a FORBIDDEN TRPCClientError) and, for a
 * reseller's key, only the reseller's own account tree. Calls made together
 * go in one HTTP request (batched, as the apps do).
 */
export function createClient(options: ClientOptions) {
  const authorization = `Bearer ${options.apiKey}`;
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.baseUrl.replace(/\/+$/, "")}/trpc`,
        transformer: superjson,
        maxURLLength: 4000,
        maxItems: TRPC_MAX_BATCH_SIZE,
        headers: { authorization },
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
}

export type CloudMarketClient = ReturnType<typeof createClient>;
