import { describe, expect, it } from "vitest";
import { cancellationVerdict } from "./cancellation.ts";

const purchase = new Date("2026-03-02T16:30:00Z");
const at = (iso: string) =>
  cancellationVerdict({
    status: "ACTIVE",
    syncStatus: "SYNCHRONIZED",
    couponState: "ACTIVE",
    purchaseDate: purchase,
    now: new Date(iso),
  });

describe("the 15-day cancellation window", () => {
  it("allows day 0 to day 15 and refuses day 16", () => {
    expect(at("2026-03-02T16:31:00Z").allowed).toBe(true);
    expect(at("2026-03-17T00:00:00Z").allowed).toBe(true);
    expect(at("2026-03-17T23:59:59Z").allowed).toBe(true);
    const day16 = at("2026-03-18T00:00:00Z");
    expect(day16.allowed).toBe(false);
    expect(!day16.allowed && day16.reason).toMatch(/within 15 days .* 17 Mar 2026, UTC/);
  });

  it("refuses a redeemed or expired coupon, a pending one and a cancelled asset", () => {
    const base = {
      status: "ACTIVE" as const,
      syncStatus: "SYNCHRONIZED" as const,
      purchaseDate: purchase,
      now: purchase,
    };
    expect(cancellationVerdict({ ...base, couponState: "REDEEMED" })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/redeemed/),
    });
    expect(cancellationVerdict({ ...base, couponState: "EXPIRED" }).allowed).toBe(false);
    expect(cancellationVerdict({ ...base, couponState: null, syncStatus: "PENDING" }).allowed).toBe(false);
    expect(cancellationVerdict({ ...base, couponState: "CANCELLED", status: "CANCELLED" })).toMatchObject({
      allowed: false,
      reason: "The asset is already cancelled",
    });
  });

  it("allows cancelling an asset whose provisioning failed (there is no coupon to revoke)", () => {
    expect(
      cancellationVerdict({
        status: "ACTIVE",
        syncStatus: "FAILED",
        couponState: null,
        purchaseDate: purchase,
        now: purchase,
      }).allowed,
    ).toBe(true);
  });
});
