import { describe, expect, it } from "vitest";
import { afterFailedAttempt, MAX_DELIVERY_AGE_MS, retryDelaySeconds } from "./backoff.ts";

describe("the delivery retry schedule", () => {
  it("doubles from 2 seconds and stops growing at 60", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100, 10_000].map(retryDelaySeconds)).toEqual([2, 4, 8, 16, 32, 60, 60, 60, 60]);
  });

  it("retries until the message is 3 days old, then gives up", () => {
    const queuedAt = new Date("2026-03-02T09:00:00Z");
    const at = (ms: number) => new Date(queuedAt.getTime() + ms);
    expect(afterFailedAttempt({ attempts: 1, queuedAt, now: at(1_000), permanent: false })).toEqual({
      kind: "retry",
      delaySeconds: 2,
    });
    expect(
      afterFailedAttempt({ attempts: 4000, queuedAt, now: at(MAX_DELIVERY_AGE_MS - 1), permanent: false }),
    ).toEqual({ kind: "retry", delaySeconds: 60 });
    expect(afterFailedAttempt({ attempts: 4001, queuedAt, now: at(MAX_DELIVERY_AGE_MS), permanent: false }).kind).toBe(
      "give-up",
    );
  });

  it("gives up at once on a permanent refusal", () => {
    const now = new Date();
    expect(afterFailedAttempt({ attempts: 1, queuedAt: now, now, permanent: true }).kind).toBe("give-up");
  });
});
