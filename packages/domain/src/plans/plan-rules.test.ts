import { describe, expect, it } from "vitest";
import { addMonths, canMove, opensStorefront, planChangeProblem, type PlanInEffect } from "./plan-rules.ts";

const end = new Date("2026-04-02T09:00:00Z");
const on = (code: PlanInEffect["code"], status: PlanInEffect["status"] = "ACTIVE"): PlanInEffect => ({
  code,
  name: code === "FREE" ? "Free" : "Standard",
  status,
  currentPeriodEnd: end,
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
  });

  it("refuses swapping Standard for Free", () => {
    expect(planChangeProblem(on("STANDARD"), "FREE", "Free")).toMatch(/cancel the Standard subscription/);
  });
});

describe("billing periods", () => {
  it("adds calendar months, clamping to the month's last day", () => {
    expect(addMonths(new Date("2026-03-02T09:00:00Z"), 1).toISOString()).toBe("2026-04-02T09:00:00.000Z");
    expect(addMonths(new Date("2026-01-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(addMonths(new Date("2026-11-15T12:00:00Z"), 3).toISOString()).toBe("2027-02-15T12:00:00.000Z");
    expect(addMonths(new Date("2026-05-10T00:00:00Z"), 12).toISOString()).toBe("2027-05-10T00:00:00.000Z");
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
