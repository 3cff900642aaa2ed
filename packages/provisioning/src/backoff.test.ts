import { describe, expect, it } from "vitest";
import { computeBackoffMs } from "./backoff.ts";

describe("computeBackoffMs", () => {
  const noJitter = { baseMs: 200, maxMs: 5_000, random: () => 0.999_999 };

  it("doubles with each attempt up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => computeBackoffMs(attempt, noJitter))).toEqual([
      200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
  });

  it("jitters between half and all of the exponential step", () => {
    expect(computeBackoffMs(3, { ...noJitter, random: () => 0 })).toBe(400);
    expect(computeBackoffMs(3, { ...noJitter, random: () => 0.5 })).toBe(600);
    for (let sample = 0; sample < 200; sample += 1) {
      const wait = computeBackoffMs(2, { baseMs: 200, maxMs: 5_000 });
      expect(wait).toBeGreaterThanOrEqual(200);
      expect(wait).toBeLessThanOrEqual(400);
    }
  });

  it("treats attempt 0 or less as the first retry", () => {
    expect(computeBackoffMs(0, noJitter)).toBe(200);
  });
});
