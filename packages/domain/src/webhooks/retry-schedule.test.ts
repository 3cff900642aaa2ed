import { describe, expect, it } from "vitest";
import {
  nextWebhookAttemptAt,
  nominalWebhookRetryDelayMs,
  WEBHOOK_RETRY_WINDOW_MS,
  webhookRetryDelayMs,
} from "./retry-schedule.ts";

const MINUTE = 60_000;

describe("the webhook retry schedule", () => {
  it("doubles from one minute to at most four hours", () => {
    expect([1, 2, 3, 4, 5, 8, 9, 30].map(nominalWebhookRetryDelayMs)).toEqual(
      [1, 2, 4, 8, 16, 128, 240, 240].map((minutes) => minutes * MINUTE),
    );
  });

  it("moves each wait by at most 10 %, the same way every time for a delivery, differently across deliveries", () => {
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const delay = webhookRetryDelayMs("delivery-a", attempt);
      expect(delay).toBeGreaterThanOrEqual(nominalWebhookRetryDelayMs(attempt) * 0.9);
      expect(delay).toBeLessThanOrEqual(nominalWebhookRetryDelayMs(attempt) * 1.1);
      expect(webhookRetryDelayMs("delivery-a", attempt)).toBe(delay);
    }
    const spread = new Set(["a", "b", "c", "d", "e"].map((id) => webhookRetryDelayMs(id, 1)));
    expect(spread.size).toBeGreaterThan(1);
  });

  it("gives up once the next attempt would fall after 24 hours", () => {
    const windowStart = new Date("2026-03-02T09:00:00Z");
    const late = new Date(windowStart.getTime() + WEBHOOK_RETRY_WINDOW_MS - MINUTE);
    expect(nextWebhookAttemptAt({ deliveryId: "x", attempt: 3, now: windowStart, windowStart })).not.toBeNull();
    expect(nextWebhookAttemptAt({ deliveryId: "x", attempt: 12, now: late, windowStart })).toBeNull();
  });
});
