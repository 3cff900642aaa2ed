import type { ApiKeyIdentity, ShopCaller, StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { loadShopCaller } from "../auth/resolve-callers.ts";
import { currentPlanOf } from "../plans/current-plan.ts";
import { hashApiKey, looksLikeApiKey } from "./api-key-token.ts";

/** Requests per key per minute, unless `apiRateLimitPerMinute` says otherwise. */
export const DEFAULT_API_RATE_LIMIT_PER_MINUTE = 120;
const WINDOW_MS = 60_000;

export type ApiKeyResolution =
  | { ok: true; caller: StaffCaller | ShopCaller }
  | { ok: false; status: 401; message: string }
  | { ok: false; status: 429; message: string; retryAfterSeconds: number };

/**
 * The caller an `Authorization: Bearer <key>` stands for. A revoked or expired
 * key is refused at once (nothing is cached); each use counts against the key's
 * rate limit (a fixed one-minute window in the database, so every process of a
 * cluster counts the same) and sets its last use.
 */
export async function resolveApiKey(deps: DomainDeps, token: string): Promise<ApiKeyResolution> {
  const refused = (message: string) => ({ ok: false as const, status: 401 as const, message });
  if (!looksLikeApiKey(token)) return refused("This is not a valid API key");
  const key = await deps.db.apiKey.findUnique({
    where: { secretHash: hashApiKey(token) },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      accountId: true,
      shopUserId: true,
      staffUserId: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
  if (!key) return refused("This is not a valid API key");
  const now = deps.clock.now();
  if (key.revokedAt) return refused("This API key was revoked");
  if (key.expiresAt && key.expiresAt <= now) return refused("This API key has expired");

  const limit = deps.apiRateLimitPerMinute ?? DEFAULT_API_RATE_LIMIT_PER_MINUTE;
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [counted] = await deps.db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiKeyRateWindow" ("keyId", "windowStart", "count") VALUES (${key.id}::uuid, ${windowStart}, 1)
    ON CONFLICT ("keyId", "windowStart") DO UPDATE SET "count" = "ApiKeyRateWindow"."count" + 1
    RETURNING "count"`;
  const count = Number(counted?.count ?? 1);
  if (count === 1)
    await deps.db.apiKeyRateWindow.deleteMany({ where: { keyId: key.id, windowStart: { lt: windowStart } } });
  if (count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    return {
      ok: false,
      status: 429,
      message: `This API key made more than ${limit} requests this minute; try again in ${retryAfterSeconds} s`,
      retryAfterSeconds,
    };
  }
  await deps.db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });

  const apiKey: ApiKeyIdentity = { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes };
  if (key.accountId === null) {
    return {
      ok: true,
      caller: {
        kind: "staff",
        userId: key.staffUserId ?? key.id,
        email: "",
        name: `API key ${key.name}`,
        role: "SUPPORT",
        apiKey,
      },
    };
  }
  const shop = key.shopUserId ? await loadShopCaller(deps.db, key.shopUserId) : null;
  if (!shop || shop.accountId !== key.accountId) return refused("The user who created this API key no longer exists");
  if ((await currentPlanOf(deps.db, key.accountId)).code !== "STANDARD")
    return refused("API keys need the Standard reseller plan, which this account is no longer on");
  return { ok: true, caller: { ...shop, apiKey } };
}
