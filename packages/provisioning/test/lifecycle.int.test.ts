import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@cm/bittitan-sim";
import {
  BitTitanClient,
  BitTitanRejectedError,
  provisionCoupon,
  readCouponStates,
  revokeCouponIdempotently,
  synchronizePartner,
} from "../src/index.ts";
import { API_KEY, couponRequest, startTestSimulator, testClient, type SimAdmin, type TestPartner } from "./harness.ts";

let sim: RunningSimulator;
let admin: SimAdmin;
let client: BitTitanClient;
let partner: TestPartner;

beforeAll(async () => {
  ({ sim, admin } = await startTestSimulator());
  client = testClient(sim.url);
  partner = await admin.createTestPartner("lifecycle@contoso.example", "Tier2-Secret!");
});
afterAll(() => sim.close());
beforeEach(() => admin.reset());

describe("coupon lifecycle", () => {
  it("revoking is idempotent at the API and in the workflow", async () => {
    const coupon = await client.createCoupon(couponRequest(partner));
    const revoked = await client.revokeCoupon(coupon.code);
    expect(revoked).toMatchObject({ code: coupon.code, state: "revoked" });
    await expect(client.revokeCoupon(coupon.code)).resolves.toMatchObject({
      state: "revoked",
      revokedAt: revoked.revokedAt,
    });

    const viaWorkflow = await revokeCouponIdempotently(client, coupon.code);
    expect(viaWorkflow).toMatchObject({ ok: true, alreadyRevoked: true, coupon: { state: "revoked" } });

    const fresh = await client.createCoupon(couponRequest(partner));
    await expect(revokeCouponIdempotently(client, fresh.code)).resolves.toMatchObject({
      ok: true,
      alreadyRevoked: false,
      coupon: { state: "revoked" },
    });
  });

  it("refuses to revoke a redeemed coupon, with a clear reason", async () => {
    const coupon = await client.createCoupon(couponRequest(partner));
    await admin.redeem(coupon.code, "it@end-customer.example");
    const error = await client.revokeCoupon(coupon.code).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BitTitanRejectedError);
    expect(error).toMatchObject({ status: 409, vendorCode: "coupon_redeemed" });
    expect((error as Error).message).toMatch(/already been redeemed/);

    const refused = await revokeCouponIdempotently(client, coupon.code);
    expect(refused).toMatchObject({ ok: false, failure: { reason: "redeemed", retryable: false } });
    expect((await client.getCoupon(coupon.code)).state).toBe("redeemed");
  });

  it("reports a coupon unknown to BitTitan as a not_found failure", async () => {
    await expect(revokeCouponIdempotently(client, "MW-AAAA-BBBB-CCCC")).resolves.toMatchObject({
      ok: false,
      failure: { reason: "not_found" },
    });
  });

  it("expires coupons by the simulator's clock; expired ones cannot be revoked", async () => {
    const shortLived = await client.createCoupon(couponRequest(partner, { expireDays: 1 }));
    const longLived = await client.createCoupon(couponRequest(partner, { expireDays: 30 }));
    await admin.advanceClock(2);
    await expect(client.getCoupon(shortLived.code)).resolves.toMatchObject({ state: "expired" });
    await expect(client.getCoupon(longLived.code)).resolves.toMatchObject({ state: "active" });
    await expect(revokeCouponIdempotently(client, shortLived.code)).resolves.toMatchObject({
      ok: false,
      failure: { reason: "expired" },
    });
    await expect(client.revokeCoupon(shortLived.code)).rejects.toMatchObject({
      status: 409,
      vendorCode: "coupon_expired",
    });
  });

  it("lists only active coupons, and readCouponStates still knows what became of the others", async () => {
    const [active, redeemed, revoked, expiring] = await Promise.all([
      client.createCoupon(couponRequest(partner)),
      client.createCoupon(couponRequest(partner)),
      client.createCoupon(couponRequest(partner)),
      client.createCoupon(couponRequest(partner, { expireDays: 3 })),
    ]);
    await admin.redeem(redeemed.code, "user@end-customer.example");
    await client.revokeCoupon(revoked.code);
    await admin.advanceClock(5);

    const listed = await client.listActiveCoupons(partner.partnerId);
    expect(listed.map((coupon) => coupon.code)).toEqual([active.code]);

    const unknown = "MW-ZZZZ-ZZZZ-ZZZZ";
    const states = await readCouponStates(client, partner.partnerId, [
      active.code,
      redeemed.code,
      revoked.code,
      expiring.code,
      unknown,
    ]);
    expect(Object.fromEntries(states)).toEqual({
      [active.code]: "active",
      [redeemed.code]: "redeemed",
      [revoked.code]: "revoked",
      [expiring.code]: "expired",
      [unknown]: "not_found",
    });
    // Everything still exists at the vendor; it is only hidden from the list.
    expect(await admin.listCoupons()).toHaveLength(4);
  });
});

describe("workflow pieces", () => {
  it("synchronizePartner returns the partner, or a typed failure", async () => {
    await expect(synchronizePartner(client, { email: partner.email, password: partner.password })).resolves.toEqual({
      ok: true,
      partner: { partnerId: partner.partnerId, email: partner.email, companyName: "Contoso Reseller" },
    });
    const bad = await synchronizePartner(client, { email: partner.email, password: "wrong" });
    expect(bad).toMatchObject({ ok: false, failure: { reason: "bad_credentials", retryable: false } });
    if (!bad.ok) expect(bad.failure.message).not.toContain("wrong");

    const misconfigured = new BitTitanClient({ baseUrl: sim.url, apiKey: `${API_KEY}-old` });
    await expect(synchronizePartner(misconfigured, partner)).resolves.toMatchObject({
      ok: false,
      failure: { reason: "configuration" },
    });

    await admin.setFaults({ down: true });
    await expect(synchronizePartner(client, partner)).resolves.toMatchObject({
      ok: false,
      failure: { reason: "unavailable", retryable: true },
    });
  });

  it("provisionCoupon creates once per idempotency key and reports failures as data", async () => {
    const request = couponRequest(partner, { licenseCount: 3, skuId: "mw-user-migration-bundle" });
    await admin.setFaults({ down: true });
    const failed = await provisionCoupon(client, request);
    expect(failed).toMatchObject({ ok: false, failure: { reason: "unavailable", retryable: true } });

    await admin.setFaults({ lostResponseRate: 1, faultBudget: 1 });
    const first = await provisionCoupon(client, request);
    const second = await provisionCoupon(client, request);
    expect(first).toMatchObject({ ok: true, coupon: { licenseCount: 3, skuId: "mw-user-migration-bundle" } });
    expect(first.ok && second.ok && first.coupon.code === second.coupon.code).toBe(true);
    expect(await admin.listCoupons()).toHaveLength(1);

    await expect(provisionCoupon(client, couponRequest({ ...partner, password: "old" }))).resolves.toMatchObject({
      ok: false,
      failure: { reason: "bad_credentials" },
    });
    await expect(provisionCoupon(client, { ...couponRequest(partner), licenseCount: 10_001 })).resolves.toMatchObject({
      ok: false,
      failure: { reason: "rejected", retryable: false },
    });
  });
});
