import { createHash, randomBytes } from "node:crypto";

/** Every key starts with it, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "cm_live_";

/** A new key: 32 random bytes (base64url) behind the prefix; only its prefix and hash are kept. */
export function newApiKeyToken(): { token: string; prefix: string; secretHash: string } {
  const token = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: displayPrefix(token), secretHash: hashApiKey(token) };
}

export function hashApiKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** "cm_live_1a2b3c4d": what lists and audit trails show. */
function displayPrefix(token: string): string {
  return token.slice(0, API_KEY_PREFIX.length + 8);
}

/** Whether a bearer token looks like one of ours (anything else is refused without a query). */
export function looksLikeApiKey(token: string): boolean {
  return /^cm_live_[A-Za-z0-9_-]{43}$/.test(token);
}
