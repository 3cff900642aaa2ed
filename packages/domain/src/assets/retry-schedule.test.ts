import {
  BitTitanBadCredentialsError,
  BitTitanCircuitOpenError,
  BitTitanConfigurationError,
  BitTitanInvalidResponseError,
  BitTitanRejectedError,
  BitTitanUnavailableError,
} from "@cm/provisioning";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { customerWordsFor, judgeAttemptFailure } from "./provisioning-failure.ts";
import { retryDelayMs } from "./retry-schedule.ts";

describe("the retry schedule", () => {
  it("waits 10 s, 30 s, 1, 2, 5, 10, 30 minutes, then every 30 minutes", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempt) => retryDelayMs(attempt, { random: middle }))).toEqual([
      10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 1_800_000, 1_800_000,
    ]);
  });

  it("spreads the waits by ±20 % and never waits less than BitTitan's Retry-After", () => {
    expect(retryDelayMs(1, { random: () => 0 })).toBe(8_000);
    expect(retryDelayMs(1, { random: () => 0.999999 })).toBe(12_000);
    expect(retryDelayMs(1, { random: () => 0.5, retryAfterMs: 45_000 })).toBe(45_000);
    expect(retryDelayMs(4, { random: () => 0.5, retryAfterMs: 1_000 })).toBe(120_000);
  });
});

describe("judging a failed attempt", () => {
  it("retries outages and garbled answers, defers while the circuit is open, and stops at what a person must fix", () => {
    expect(judgeAttemptFailure(new BitTitanUnavailableError("down", { retryAfterMs: 30_000 }))).toMatchObject({
      kind: "transient",
      retryAfterMs: 30_000,
    });
    expect(judgeAttemptFailure(new BitTitanInvalidResponseError("garbled"))).toMatchObject({ kind: "transient" });
    expect(judgeAttemptFailure(new BitTitanCircuitOpenError(new Date(5)))).toMatchObject({
      kind: "deferred",
      retryAt: new Date(5),
    });
    expect(judgeAttemptFailure(new BitTitanBadCredentialsError("no"))).toMatchObject({
      kind: "permanent",
      code: "partner_credentials",
    });
    expect(judgeAttemptFailure(new BitTitanConfigurationError("key"))).toMatchObject({
      kind: "permanent",
      code: "configuration",
    });
    expect(
      judgeAttemptFailure(new BitTitanRejectedError('skuId: unknown SKU "x"', { vendorCode: "validation_failed" })),
    ).toMatchObject({ kind: "permanent", code: "sku_unavailable" });
    expect(judgeAttemptFailure(new BitTitanRejectedError("conflict", { vendorCode: "conflict" }))).toMatchObject({
      kind: "permanent",
      code: "rejected",
    });
    expect(
      judgeAttemptFailure(new DomainError("PRECONDITION_FAILED", "The account is not synchronized with BitTitan")),
    ).toMatchObject({ kind: "permanent", code: "not_synchronized" });
    expect(() => judgeAttemptFailure(new TypeError("a bug"))).toThrow(TypeError);
  });

  it("words the reason for the customer and says the distributor was told only when it was", () => {
    expect(customerWordsFor("gave_up", true)).toBe(
      "We kept trying, but BitTitan could not be reached, so these licenses are not created yet. We have let your distributor know.",
    );
    expect(customerWordsFor("partner_credentials", false)).toMatch(/Please contact your distributor\.$/);
    expect(customerWordsFor(null, false)).toBe(
      "BitTitan has not issued the coupon yet. Please contact your distributor.",
    );
  });
});
