import { afterEach, describe, expect, it, vi } from "vitest";
import { SimClock } from "./clock.ts";
import type { SimContext } from "./context.ts";
import {
  couponState,
  DEFAULT_IDEMPOTENCY_RETENTION_MS,
  issueCoupon,
  redeemCoupon,
  revokeCoupon,
  viewCoupon,
} from "./coupons.ts";
import { ApiError } from "./errors.ts";
import { FaultController } from "./faults.ts";
import { Store } from "./store.ts";

async function context(): Promise<SimContext> {
  const store = await Store.open(undefined);
  return {
    store,
    clock: new SimClock(store.state),
    faults: new FaultController(),
    apiKey: "k",
    adminToken: undefined,
    idempotencyRetentionMs: DEFAULT_IDEMPOTENCY_RETENTION_MS,
    realNow: () => Date.now(),
    portalUrl: (code) => `http://portal.test/portal?code=${code}`,
  };
}

const purchase = {
  partnerId: "ptr_1",
  skuId: "mw-mailbox",
  licenseCount: 5,
  expireDays: 10,
  validityDays: 365,
  reference: null,
};

function apiErrorCode(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return undefined;
}

describe("coupon rules", () => {
  it("expires exactly at createdAt + expireDays", async () => {
    const sim = await context();
    const { coupon } = issueCoupon(sim, "s", "k1", purchase);
    const expiresAt = Date.parse(coupon.expiresAt);
    expect(expiresAt - Date.parse(coupon.createdAt)).toBe(10 * 86_400_000);
    expect(couponState(coupon, new Date(expiresAt - 1))).toBe("active");
    expect(couponState(coupon, new Date(expiresAt))).toBe("expired");
  });

  it("one coupon per (scope, key); a changed body under the same key is a conflict", async () => {
    const sim = await context();
    const first = issueCoupon(sim, "s", "k1", purchase);
    expect(issueCoupon(sim, "s", "k1", purchase)).toEqual({ coupon: first.coupon, replayed: true });
    expect(issueCoupon(sim, "other-api-key", "k1", purchase).replayed).toBe(false);
    expect(apiErrorCode(() => issueCoupon(sim, "s", "k1", { ...purchase, licenseCount: 6 }))).toBe("conflict");
    expect(sim.store.state.coupons).toHaveLength(2);
  });

  it("revoke is idempotent and refuses redeemed or expired coupons", async () => {
    const sim = await context();
    const revocable = issueCoupon(sim, "s", "a", purchase).coupon;
    const { revokedAt } = revokeCoupon(sim, revocable.code);
    sim.clock.advanceDays(1);
    expect(revokeCoupon(sim, revocable.code.toLowerCase())).toMatchObject({ status: "revoked", revokedAt });

    const redeemed = issueCoupon(sim, "s", "b", purchase).coupon;
    redeemCoupon(sim, redeemed.code, "User@Example.com");
    expect(apiErrorCode(() => revokeCoupon(sim, redeemed.code))).toBe("coupon_redeemed");
    expect(viewCoupon(sim, redeemed)).toMatchObject({ state: "redeemed", redeemedBy: "user@example.com" });

    const expiring = issueCoupon(sim, "s", "c", purchase).coupon;
    sim.clock.advanceDays(11);
    expect(apiErrorCode(() => revokeCoupon(sim, expiring.code))).toBe("coupon_expired");
    expect(apiErrorCode(() => redeemCoupon(sim, expiring.code, "x@example.com"))).toBe("coupon_expired");
  });

  it("redeeming twice by the same person is a no-op, by someone else a conflict", async () => {
    const sim = await context();
    const { coupon } = issueCoupon(sim, "s", "a", purchase);
    const once = { ...redeemCoupon(sim, coupon.code, "a@example.com") };
    expect(redeemCoupon(sim, coupon.code, "A@example.com ")).toMatchObject({ redeemedAt: once.redeemedAt });
    expect(apiErrorCode(() => redeemCoupon(sim, coupon.code, "b@example.com"))).toBe("coupon_redeemed");
    expect(viewCoupon(sim, coupon).licensesExpireAt).toBe(
      new Date(Date.parse(once.redeemedAt ?? "") + 365 * 86_400_000).toISOString(),
    );
  });
});

describe("idempotency key retention", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("remembers a key for the retention in real time, not on the simulator's clock, then takes it as a new request", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-05-01T00:00:00.000Z"));
    const sim = await context();
    const first = issueCoupon(sim, "s", "k1", purchase);
    sim.clock.advanceDays(30);
    vi.setSystemTime(new Date("2026-05-01T23:59:59.999Z"));
    expect(issueCoupon(sim, "s", "k1", purchase)).toEqual({ coupon: first.coupon, replayed: true });

    vi.setSystemTime(new Date("2026-05-02T00:00:00.000Z"));
    const changed = { ...purchase, licenseCount: 6 };
    const again = issueCoupon(sim, "s", "k1", changed);
    expect(again.replayed).toBe(false);
    expect(again.coupon.code).not.toBe(first.coupon.code);
    expect(issueCoupon(sim, "s", "k1", changed)).toEqual({ coupon: again.coupon, replayed: true });
    expect(sim.store.state.idempotency.map((record) => record.couponCode)).toEqual([again.coupon.code]);
    expect(sim.store.state.coupons).toHaveLength(2);
  });
});
