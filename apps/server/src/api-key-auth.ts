import {
  createContextInner,
  resolveApiKey,
  type ApiKeyResolution,
  type Context,
  type DomainDeps,
  type ShopCaller,
  type StaffCaller,
} from "@cm/domain";

/** The token of an `Authorization: Bearer <token>` header, or null when the request has none. */
export function bearerTokenOf(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

/**
 * The API key a request carries, resolved once per request: null without one
 * (the request uses its session cookies), else the key's caller or why it is
 * refused (401, or 429 with the seconds until the key's window resets).
 */
export async function apiKeyOf(deps: DomainDeps, headers: Headers): Promise<ApiKeyResolution | null> {
  const token = bearerTokenOf(headers);
  if (token === null) return null;
  if (token === "") return { ok: false, status: 401, message: "The Authorization header must be 'Bearer <API key>'" };
  return resolveApiKey(deps, token);
}

/** The tRPC context of a request made with a valid API key: the key's caller, never a session's. */
export function apiKeyContext(deps: DomainDeps, requestId: string, caller: ShopCaller | StaffCaller): Context {
  return createContextInner({
    deps,
    requestId,
    getStaff: async () => (caller.kind === "staff" ? caller : null),
    getShop: async () => (caller.kind === "shop" ? caller : null),
    apiKeyKind: caller.kind === "staff" ? "distributor" : "reseller",
  });
}
