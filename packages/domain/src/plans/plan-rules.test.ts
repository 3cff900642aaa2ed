import { describe, expect, it } from "vitest";
import { canMove, opensStorefront, planChangeProblem, type PlanInEffect } from "./plan-rules.ts";

const end = new Date("2026-04-02T09:00:00Z");
const on = (code: PlanInEffect["code"], status: PlanInEffect["status"] = "ACTIVE"): PlanInEffect => ({
  code,
  name: code === "FREE" ? "Free" : "Standard",
  status,
  currentPeriodEnd: end,
  timeZone: "UTC",
});

describe("plan changes a reseller may buy", () => {
  it("lets a Basic reseller take Free or Standard", () => {
    expect(planChangeProblem(null, "FREE", "Free")).toBeNull();
    expect(planChangeProblem(null, "STANDARD", "Standard")).toBeNull();
  });

  it("upgrades Free to Standard, also while Free is ending", () => {
    expect(planChangeProblem(on("FREE"), "STANDARD", "Standard")).toBeNull();
    expect(planChangeProblem(on("FREE", "PENDING_CANCELLATION"), "STANDARD", "Standard")).toBeNull();
  });

  it("refuses the same plan twice, and buying a plan again before it has ended", () => {
    expect(planChangeProblem(on("STANDARD"), "STANDARD", "Standard")).toBe("You are already on the Standard plan.");
    expect(planChangeProblem(on("FREE"), "FREE", "Free")).toBe("You are already on the Free plan.");
    expect(planChangeProblem(on("STANDARD", "PENDING_CANCELLATION"), "STANDARD", "Standard")).toMatch(
      /ends on 02 Apr 2026/,
    );
    // The day is the distributor's: 21:30 UTC on 1 April is already 2 April in Athens.
    const lateEnd = { ...on("STANDARD", "PENDING_CANCELLATION"), currentPeriodEnd: new Date("2026-04-01T21:30:00Z") };
    expect(planChangeProblem(lateEnd, "STANDARD", "Standard")).toMatch(/ends on 01 Apr 2026/);
    expect(planChangeProblem({ ...lateEnd, timeZone: "Europe/Athens" }, "STANDARD", "Standard")).toMatch(
      /ends on 02 Apr 2026/,
    );
  });

  it("refuses swapping Standard for Free", () => {
    expect(planChangeProblem(on("STANDARD"), "FREE", "Free")).toMatch(/cancel the Standard subscription/);
  });
});

describe("the subscription state machine", () => {
  it("moves forward only", () => {
    expect(canMove("ACTIVE", "PENDING_CANCELLATION")).toBe(true);
    expect(canMove("PENDING_CANCELLATION", "CANCELLED")).toBe(true);
    expect(canMove("ACTIVE", "CANCELLED")).toBe(true);
    expect(canMove("CANCELLED", "ACTIVE")).toBe(false);
    expect(canMove("PENDING_CANCELLATION", "ACTIVE")).toBe(false);
  });

  it("opens the reseller's own Storefront on Standard only", () => {
    expect(opensStorefront("STANDARD")).toBe(true);
    expect(opensStorefront("FREE")).toBe(false);
    expect(opensStorefront("BASIC")).toBe(false);
  });
});
