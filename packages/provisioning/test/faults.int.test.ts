import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@cm/bittitan-sim";
import { BitTitanUnavailableError, type BitTitanClient } from "../src/index.ts";
import {
  couponRequest,
  recordingLogger,
  SHORT_TIMEOUT_MS,
  startTestSimulator,
  testClient,
  type SimAdmin,
  type TestPartner,
} from "./harness.ts";

let sim: RunningSimulator;
let admin: SimAdmin;
let client: BitTitanClient;
let partner: TestPartner;

beforeAll(async () => {
  ({ sim, admin } = await startTestSimulator());
  client = testClient(sim.url);
  partner = await admin.createTestPartner("faults@contoso.example", "Tier2-Secret!");
});
afterAll(() => sim.close());
beforeEach(() => admin.reset());

async function timed<T>(work: () => Promise<T>): Promise<{ result: T | unknown; ms: number }> {
  const started = performance.now();
  const result = await work().catch((error: unknown) => error);
  return { result, ms: performance.now() - started };
}

describe("fault injection: the client retries only what is safe and gives up in bounded time", () => {
  it("errorRate: transient 5xx are retried until an attempt succeeds", async () => {
    for (const errorStatus of [500, 502, 503, 504] as const) {
      await admin.setFaults({ errorRate: 1, errorStatus, faultBudget: 2 });
      const { logger, entries } = recordingLogger();
      const skus = await testClient(sim.url, { logger }).listSkus();
      expect(skus.length).toBeGreaterThan(0);
      expect(
        entries.filter((entry) => entry.msg === "bittitan request failed, retrying").map((entry) => entry.obj),
      ).toMatchObject([
        { status: errorStatus, attempt: 1 },
        { status: errorStatus, attempt: 2 },
      ]);
      expect((await admin.getFaults()).injected.errors).toBe(2);
    }
  });

  it("errorRate: a coupon request that keeps failing ends as BitTitanUnavailableError after maxAttempts, creating nothing", async () => {
    await admin.setFaults({ errorRate: 1 });
    const error = await client.createCoupon(couponRequest(partner)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BitTitanUnavailableError);
    expect(error).toMatchObject({ retryable: true, attempts: 3, status: 500 });
    expect((await admin.getFaults()).injected.errors).toBe(3);
    expect(await admin.listCoupons()).toHaveLength(0);
  });

  it("never retries a 4xx", async () => {
    await admin.setFaults({ errorRate: 0 });
    const { logger, entries } = recordingLogger();
    await testClient(sim.url, { logger })
      .verifyPartner({ email: partner.email, password: "wrong" })
      .catch(() => undefined);
    expect(entries.map((entry) => entry.obj)).toMatchObject([{ status: 401, attempt: 1 }]);
  });

  it("latency: slow answers within the timeout succeed; slower ones time out", async () => {
    await admin.setFaults({ latencyMs: 150 });
    const slow = await timed(() => client.listSkus());
    expect(Array.isArray(slow.result)).toBe(true);
    expect(slow.ms).toBeGreaterThanOrEqual(140);

    // Far slower than the timeout: each attempt gives up after SHORT_TIMEOUT_MS instead of waiting.
    await admin.setFaults({ latencyMs: 20_000 });
    const tooSlow = await timed(() => testClient(sim.url, { maxAttempts: 2, timeoutMs: SHORT_TIMEOUT_MS }).listSkus());
    expect(tooSlow.result).toBeInstanceOf(BitTitanUnavailableError);
    expect((tooSlow.result as Error).message).toMatch(/timed out/);
  });

  it("timeout: a request that never answers becomes BitTitanUnavailableError within maxAttempts x timeoutMs + backoff", async () => {
    await admin.setFaults({ timeoutRate: 1 });
    const impatient = testClient(sim.url, { timeoutMs: SHORT_TIMEOUT_MS });
    const { result, ms } = await timed(() =>
      impatient.verifyPartner({ email: partner.email, password: partner.password }),
    );
    expect(result).toBeInstanceOf(BitTitanUnavailableError);
    expect(result).toMatchObject({ attempts: 3 });
    expect((result as Error).message).toMatch(/timed out/);
    // Each of the three attempts waited its full timeout (an upper bound would only measure the machine).
    expect(ms).toBeGreaterThanOrEqual(3 * SHORT_TIMEOUT_MS - 50);
    expect((await admin.getFaults()).injected.timeouts).toBe(3);
  });

  it("timeout once, then an answer: the retry succeeds", async () => {
    await admin.setFaults({ timeoutRate: 1, faultBudget: 1 });
    // The held first attempt times out whatever the timeout; 5 s leaves the answered retry room on a busy machine.
    const coupon = await testClient(sim.url, { timeoutMs: 5_000 }).createCoupon(couponRequest(partner));
    expect(coupon.state).toBe("active");
    expect((await admin.listCoupons()).map((listed) => listed.code)).toEqual([coupon.code]);
  });

  it("down (503 or connection reset): BitTitanUnavailableError, nothing created", async () => {
    await admin.setFaults({ down: true });
    const refused = await timed(() => client.createCoupon(couponRequest(partner)));
    expect(refused.result).toBeInstanceOf(BitTitanUnavailableError);
    expect(refused.result).toMatchObject({ status: 503, vendorCode: "unavailable", attempts: 3 });

    await admin.setFaults({ down: true, downMode: "reset" });
    const reset = await timed(() => client.getCoupon("MW-AAAA-BBBB-CCCC"));
    expect(reset.result).toBeInstanceOf(BitTitanUnavailableError);
    expect(reset.result).toMatchObject({ attempts: 3 });
    expect((await admin.getFaults()).injected.downRejections).toBe(3);
    expect(await admin.listCoupons()).toHaveLength(0);
  });

  it("lost response (connection reset): the retry with the same key returns the coupon that was made, exactly one exists", async () => {
    await admin.setFaults({ lostResponseRate: 1, faultBudget: 1 });
    const coupon = await client.createCoupon(couponRequest(partner, { licenseCount: 12 }));
    const all = await admin.listCoupons();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ code: coupon.code, licenseCount: 12 });
    expect((await admin.getFaults()).injected.lostResponses).toBe(1);
  });

  it("lost response (502): same outcome, exactly one coupon", async () => {
    await admin.setFaults({ lostResponseRate: 1, lostResponseMode: "status", faultBudget: 2 });
    const coupon = await client.createCoupon(couponRequest(partner));
    expect((await admin.listCoupons()).map((listed) => listed.code)).toEqual([coupon.code]);
    expect((await admin.getFaults()).injected.lostResponses).toBe(2);
  });

  it("every answer lost: the call fails, but a later retry (asset re-sync) with the same key finds the coupon instead of making another", async () => {
    await admin.setFaults({ lostResponseRate: 1 });
    const request = couponRequest(partner);
    await expect(client.createCoupon(request)).rejects.toBeInstanceOf(BitTitanUnavailableError);
    expect(await admin.listCoupons()).toHaveLength(1);

    await admin.setFaults({});
    const recovered = await client.createCoupon(request);
    const all = await admin.listCoupons();
    expect(all.map((listed) => listed.code)).toEqual([recovered.code]);
  });

  it("faults touch only /v1: admin and portal keep working while the API is down", async () => {
    const coupon = await client.createCoupon(couponRequest(partner));
    await admin.setFaults({ down: true, timeoutRate: 1, errorRate: 1 });
    expect(await admin.listCoupons()).toHaveLength(1);
    await admin.redeem(coupon.code, "user@end-customer.example");
    const page = await fetch(coupon.portalUrl).then((response) => response.text());
    expect(page).toContain("redeemed");
  });
});
