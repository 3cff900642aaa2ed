import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Whether a webhook request comes from CloudMarket: the signature matches the
 * raw body (as received, before any JSON parsing) and the timestamp is within
 * five minutes of now (a replayed old request is refused).
 */
export function verifyWebhook(
  secret: string,
  headers: { "webhook-id"?: string; "webhook-timestamp"?: string; "webhook-signature"?: string },
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const timestamp = headers["webhook-timestamp"] ?? "";
  if (!headers["webhook-id"] || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const given = /^v1=([0-9a-f]{64})$/.exec(headers["webhook-signature"] ?? "")?.[1];
  if (!given) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}
