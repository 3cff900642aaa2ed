import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@cm/bittitan-sim";
import {
  BitTitanBadCredentialsError,
  BitTitanClient,
  BitTitanConfigurationError,
  BitTitanNotFoundError,
  BitTitanRejectedError,
  COUPON_CODE_PATTERN,
} from "../src/index.ts";
import {
  couponRequest,
  recordingLogger,
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
  partner = await admin.createTestPartner("reseller@contoso.example", "Tier2-Secret!", "Contoso Reseller");
});
afterAll(() => sim.close());
beforeEach(() => admin.reset());

describe("BitTitanClient against the simulator", () => {
  it("lists the SKU catalog with both product types the product imports", async () => {
    const skus = await client.listSkus();
    const byId = new Map(skus.map((sku) => [sku.id, sku]));
    expect(byId.get("mw-mailbox")).toMatchObject({ productType: "mailbox", currency: "USD" });
    expect(byId.get("mw-user-migration-bundle")).toMatchObject({ productType: "user-migration-bundle" });
    expect(skus.length).toBeGreaterThanOrEqual(6);
    for (const sku of skus) expect(sku.listPrice).toMatch(/^\d+\.\d{2}$/);
  });

  it("verifies good partner credentials and refuses bad ones", async () => {
    await expect(
      client.verifyPartner({ email: "RESELLER@contoso.example", password: "Tier2-Secret!" }),
    ).resolves.toEqual({
      partnerId: partner.partnerId,
      email: "reseller@contoso.example",
      companyName: "Contoso Reseller",
    });
    await expect(client.verifyPartner({ email: partner.email, password: "wrong" })).rejects.toBeInstanceOf(
      BitTitanBadCredentialsError,
    );
    await expect(client.verifyPartner({ email: "nobody@contoso.example", password: "x" })).rejects.toMatchObject({
      kind: "bad_credentials",
      retryable: false,
      status: 401,
    });
  });

  it("reports a wrong API key as a configuration error, without retrying", async () => {
    const { logger, entries } = recordingLogger();
    const misconfigured = new BitTitanClient({ baseUrl: sim.url, apiKey: "not-the-key", logger, backoffMs: 20 });
    const error = await misconfigured.listSkus().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BitTitanConfigurationError);
    expect(error).toMatchObject({ retryable: false, status: 401, vendorCode: "unauthorized" });
    expect(entries).toHaveLength(1);
  });

  it("creates a coupon holding the licenses, with a vendor-style code and portal link", async () => {
    const request = { ...couponRequest(partner, { licenseCount: 25, expireDays: 30 }), reference: "asset-42" };
    const coupon = await client.createCoupon(request);
    expect(coupon.code).toMatch(COUPON_CODE_PATTERN);
    expect(coupon).toMatchObject({
      partnerId: partner.partnerId,
      skuId: "mw-mailbox",
      licenseCount: 25,
      expireDays: 30,
      state: "active",
      reference: "asset-42",
    });
    expect(Date.parse(coupon.expiresAt) - Date.parse(coupon.createdAt)).toBe(30 * 86_400_000);
    expect(coupon.portalUrl).toBe(`${sim.url}/portal?code=${coupon.code}`);
    await expect(client.getCoupon(coupon.code.toLowerCase())).resolves.toEqual(coupon);
    const page = await fetch(coupon.portalUrl).then((response) => response.text());
    expect(page).toContain(coupon.code);
  });

  it("returns the same coupon for the same idempotency key and never makes a second one", async () => {
    const request = couponRequest(partner);
    const first = await client.createCoupon(request);
    const again = await client.createCoupon(request);
    const concurrent = await Promise.all([client.createCoupon(request), client.createCoupon(request)]);
    expect([again.code, ...concurrent.map((coupon) => coupon.code)]).toEqual([first.code, first.code, first.code]);
    expect((await admin.listCoupons()).map((coupon) => coupon.code)).toEqual([first.code]);
  });

  it("makes one coupon per key when the same key is raced from the start", async () => {
    const request = couponRequest(partner);
    const results = await Promise.all(Array.from({ length: 5 }, () => client.createCoupon(request)));
    expect(new Set(results.map((coupon) => coupon.code)).size).toBe(1);
    expect(await admin.listCoupons()).toHaveLength(1);
  });

  it("rejects reusing a key for a different purchase with the vendor's message", async () => {
    const request = couponRequest(partner);
    await client.createCoupon(request);
    const error = await client.createCoupon({ ...request, licenseCount: 6 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BitTitanRejectedError);
    expect(error).toMatchObject({ status: 409, vendorCode: "conflict" });
    expect(await admin.listCoupons()).toHaveLength(1);
  });

  it("rejects bad numbers and unknown SKUs naming the field, and bad partner credentials as such", async () => {
    await expect(client.createCoupon({ ...couponRequest(partner), licenseCount: 0 })).rejects.toThrow(/licenseCount/);
    await expect(client.createCoupon({ ...couponRequest(partner), expireDays: 4000 })).rejects.toMatchObject({
      status: 422,
      kind: "rejected",
    });
    await expect(client.createCoupon(couponRequest(partner, { skuId: "mw-nothing" }))).rejects.toThrow(/skuId/);
    await expect(client.createCoupon(couponRequest({ ...partner, password: "nope" }))).rejects.toBeInstanceOf(
      BitTitanBadCredentialsError,
    );
    expect(await admin.listCoupons()).toHaveLength(0);
  });

  it("reports unknown coupons and partners as not found", async () => {
    await expect(client.getCoupon("MW-AAAA-BBBB-CCCC")).rejects.toBeInstanceOf(BitTitanNotFoundError);
    await expect(client.listActiveCoupons("ptr_unknown")).rejects.toBeInstanceOf(BitTitanNotFoundError);
  });

  it("follows pagination through every active coupon", async () => {
    const created = [];
    for (let index = 0; index < 7; index += 1)
      created.push(await client.createCoupon(couponRequest(partner, { licenseCount: index + 1 })));
    const listed = await client.listActiveCoupons(partner.partnerId, { pageSize: 2 });
    expect(listed.map((coupon) => coupon.code).sort()).toEqual(created.map((coupon) => coupon.code).sort());
    expect(await client.listActiveCoupons(partner.partnerId)).toHaveLength(7);
  });

  it("logs method, path, status, attempt and duration, never the API key or passwords", async () => {
    const { logger, entries } = recordingLogger();
    const logged = testClient(sim.url, { logger });
    await logged.verifyPartner({ email: partner.email, password: partner.password });
    await logged.verifyPartner({ email: partner.email, password: "Wrong-Secret" }).catch(() => undefined);
    await logged.createCoupon(couponRequest(partner));
    await admin.setFaults({ errorRate: 1, faultBudget: 1 });
    await logged.createCoupon(couponRequest(partner));
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries[0]?.obj).toMatchObject({ method: "POST", path: "/v1/partners/verify", status: 200, attempt: 1 });
    expect(entries[0]?.obj).toHaveProperty("durationMs");
    const text = JSON.stringify(entries);
    for (const secret of ["test-api-key", partner.password, "Wrong-Secret"]) expect(text).not.toContain(secret);
    expect(JSON.stringify(logged)).not.toContain("test-api-key");
  });
});
