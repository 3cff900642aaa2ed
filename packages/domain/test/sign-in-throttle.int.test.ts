import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clearSignInFailures,
  purgeSignInThrottles,
  recordSignInFailure,
  signInLock,
  SIGN_IN_THROTTLE,
} from "../src/auth/sign-in-throttle.ts";
import { createHarness, type Harness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

const fail = async (email: string, source: string, times = 1) => {
  for (let index = 0; index < times; index += 1) await recordSignInFailure(harness.deps, "shop", email, source);
};
const lockMs = async (email: string, source: string) => {
  const lock = await signInLock(harness.deps, "shop", email, source);
  return lock ? lock.lockedUntil.getTime() - harness.clock.now().getTime() : 0;
};

describe("the per-account sign-in throttle", () => {
  it("locks one account for one address after the free failures, doubling the lock with each further failure, up to the maximum", async () => {
    await fail("Dora@Example.test", "10.0.0.1", SIGN_IN_THROTTLE.freeFailuresPerSource - 1);
    expect(await lockMs("dora@example.test", "10.0.0.1")).toBe(0);
    await fail("dora@example.test", "10.0.0.1");
    expect(await lockMs("dora@example.test", "10.0.0.1")).toBe(60_000);
    // Not another address, nor another account.
    expect(await lockMs("dora@example.test", "10.0.0.2")).toBe(0);
    expect(await lockMs("eve@example.test", "10.0.0.1")).toBe(0);
    // The lock ends by time; the next failure locks for twice as long.
    harness.clock.advance(60_001);
    expect(await lockMs("dora@example.test", "10.0.0.1")).toBe(0);
    await fail("dora@example.test", "10.0.0.1");
    expect(await lockMs("dora@example.test", "10.0.0.1")).toBe(120_000);
    await fail("dora@example.test", "10.0.0.1", 10);
    expect(await lockMs("dora@example.test", "10.0.0.1")).toBe(SIGN_IN_THROTTLE.maxLockMs);
    // A correct sign-in (or a password reset) starts afresh.
    await clearSignInFailures(harness.deps, "shop", "DORA@example.test");
    expect(await lockMs("dora@example.test", "10.0.0.1")).toBe(0);
  });

  it("locks the account for every address when failures come from many addresses", async () => {
    for (let index = 0; index < SIGN_IN_THROTTLE.freeFailuresPerAccount; index += 1)
      await fail("frank@example.test", `10.1.${Math.floor(index / 200)}.${index % 200}`);
    expect(await lockMs("frank@example.test", "192.0.2.1")).toBe(SIGN_IN_THROTTLE.accountLockMs);
    expect(await lockMs("grace@example.test", "192.0.2.1")).toBe(0);
  });

  it("forgets old failures and purges counts a day old", async () => {
    await fail("hank@example.test", "10.2.0.1", SIGN_IN_THROTTLE.freeFailuresPerSource - 1);
    harness.clock.advance(SIGN_IN_THROTTLE.forgetAfterMs + 1);
    await fail("hank@example.test", "10.2.0.1");
    expect(await lockMs("hank@example.test", "10.2.0.1")).toBe(0);
    harness.clock.advance(25 * 60 * 60_000);
    expect(await purgeSignInThrottles(harness.deps)).toBeGreaterThan(0);
    expect(await harness.deps.db.signInThrottle.count({ where: { email: "hank@example.test" } })).toBe(0);
  });
});
