import { createHmac, randomBytes } from "node:crypto";

/** Every signing secret starts with it (recognisable in a receiver's configuration or a leak). */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): { secret: string; prefix: string } {
  const secret = `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, WEBHOOK_SECRET_PREFIX.length + 6) };
}

/** `Webhook-Signature`: "v1=" + hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the whole secret (README, "Webhooks"). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
