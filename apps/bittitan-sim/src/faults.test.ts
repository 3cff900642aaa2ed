import { describe, expect, it } from "vitest";
import { FaultController, faultConfigSchema } from "./faults.ts";

describe("fault controller", () => {
  it("fires by rate and stops when the budget is spent", () => {
    const faults = new FaultController(() => 0.5);
    faults.replace(faultConfigSchema.parse({ errorRate: 1, faultBudget: 2 }));
    expect([faults.fire(1), faults.fire(1), faults.fire(1)]).toEqual([true, true, false]);
    expect(faults.config.faultBudget).toBe(0);
  });

  it("compares the rate with the random draw and never fires at rate 0", () => {
    const faults = new FaultController(() => 0.5);
    expect(faults.fire(0.4)).toBe(false);
    expect(faults.fire(0.6)).toBe(true);
    expect(faults.fire(0)).toBe(false);
  });

  it("validates configurations strictly", () => {
    expect(faultConfigSchema.safeParse({ errorRate: 1.5 }).success).toBe(false);
    expect(faultConfigSchema.safeParse({ errorStatus: 418 }).success).toBe(false);
    expect(faultConfigSchema.safeParse({ typo: true }).success).toBe(false);
    expect(faultConfigSchema.parse({})).toMatchObject({
      errorRate: 0,
      down: false,
      faultBudget: null,
      lostResponseMode: "reset",
    });
  });
});
