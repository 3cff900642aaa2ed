import { Prisma } from "@cm/db";
import { describe, expect, it } from "vitest";
import { anchorDayOf, daysBegun, periodEndAfter, periodText, proratedPrice } from "./billing-period.ts";

/** The period ends of a subscription started at `startedAt`, renewed `count` times, each from the end before. */
function periodEnds(startedAt: string, timeZone: string, count: number, billingPeriodMonths = 1): string[] {
  const start = new Date(startedAt);
  const subscription = { billingPeriodMonths, anchorDay: anchorDayOf(start, timeZone), startedAt: start };
  const ends: string[] = [];
  let end = start;
  for (let period = 0; period < count; period += 1) {
    end = periodEndAfter(end, subscription, timeZone);
    ends.push(end.toISOString());
  }
  return ends;
}

describe("billing periods on the anchor day", () => {
  it("adds calendar months at the time of day it started", () => {
    expect(periodEnds("2026-03-02T09:00:00Z", "UTC", 1)).toEqual(["2026-04-02T09:00:00.000Z"]);
    expect(periodEnds("2026-11-15T12:00:00Z", "UTC", 1, 3)).toEqual(["2027-02-15T12:00:00.000Z"]);
    expect(periodEnds("2026-05-10T00:00:00Z", "UTC", 1, 12)).toEqual(["2027-05-10T00:00:00.000Z"]);
  });

  it("goes back to the 31st after a short month instead of staying on the 28th", () => {
    expect(periodEnds("2026-01-31T10:00:00Z", "UTC", 12).map((end) => end.slice(0, 10))).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
      "2026-10-31",
      "2026-11-30",
      "2026-12-31",
      "2027-01-31",
    ]);
    // A leap year's February has the 29th.
    expect(periodEnds("2028-01-31T10:00:00Z", "UTC", 2)).toEqual([
      "2028-02-29T10:00:00.000Z",
      "2028-03-31T10:00:00.000Z",
    ]);
    // Quarterly from 30 November: 28 February, then 30 May.
    expect(periodEnds("2026-11-30T08:00:00Z", "UTC", 2, 3)).toEqual([
      "2027-02-28T08:00:00.000Z",
      "2027-05-30T08:00:00.000Z",
    ]);
  });

  it("counts the anchor and the time of day in the distributor's zone, across daylight saving time", () => {
    // 22:30 UTC on 31 January is 00:30 on 1 February in Athens: the anchor is the 1st, at 00:30 local.
    expect(anchorDayOf(new Date("2026-01-31T22:30:00Z"), "Europe/Athens")).toBe(1);
    expect(periodEnds("2026-01-31T22:30:00Z", "Europe/Athens", 3)).toEqual([
      "2026-02-28T22:30:00.000Z", // 1 Mar 00:30 EET
      "2026-03-31T21:30:00.000Z", // 1 Apr 00:30 EEST
      "2026-04-30T21:30:00.000Z", // 1 May 00:30 EEST
    ]);
    // 04:30 UTC on 31 January is 23:30 on the 30th in New York.
    expect(periodEnds("2026-01-31T04:30:00Z", "America/New_York", 2)).toEqual([
      "2026-03-01T04:30:00.000Z", // 28 Feb 23:30 EST
      "2026-03-31T03:30:00.000Z", // 30 Mar 23:30 EDT
    ]);
  });

  it("ends a period whose time of day the clocks skip an hour later, and keeps the time of day after", () => {
    // Athens skips 03:00-04:00 on 29 March 2026.
    expect(periodEnds("2026-01-29T01:30:00Z", "Europe/Athens", 3)).toEqual([
      "2026-02-28T01:30:00.000Z", // 28 Feb 03:30 EET
      "2026-03-29T01:30:00.000Z", // 29 Mar 04:30 EEST (03:30 does not exist)
      "2026-04-29T00:30:00.000Z", // 29 Apr 03:30 EEST
    ]);
  });

  it("stays on the anchor when a period end reads a day off after the zone changed", () => {
    // Computed in UTC (31 March 22:30), read in Athens it is 1 April 01:30: the next end is 30 April, not 31 May.
    const subscription = { billingPeriodMonths: 1, anchorDay: 31, startedAt: new Date("2026-01-31T22:30:00Z") };
    // (At 00:30, the time of day the start has in Athens: 29 April 21:30 UTC.)
    expect(periodEndAfter(new Date("2026-03-31T22:30:00Z"), subscription, "Europe/Athens").toISOString()).toBe(
      "2026-04-29T21:30:00.000Z",
    );
  });
});

describe("part of a period", () => {
  it("counts every day begun, on the distributor's calendar", () => {
    const from = new Date("2026-02-28T10:00:00Z");
    expect(daysBegun(from, from, "UTC")).toBe(0);
    expect(daysBegun(from, new Date("2026-02-28T10:00:01Z"), "UTC")).toBe(1);
    expect(daysBegun(from, new Date("2026-03-02T09:00:00Z"), "UTC")).toBe(2);
    expect(daysBegun(from, new Date("2026-03-02T10:01:00Z"), "UTC")).toBe(3);
    // The 23-hour day in Athens is one day: 28 Mar 12:00 EET to 29 Mar 12:00 EEST.
    expect(daysBegun(new Date("2026-03-28T10:00:00Z"), new Date("2026-03-29T09:00:00Z"), "Europe/Athens")).toBe(1);
  });

  it("prices the days used as a share of the period, rounded half up to the cent", () => {
    const period = { start: new Date("2026-02-28T10:00:00Z"), end: new Date("2026-03-31T10:00:00Z") };
    expect(
      proratedPrice(new Prisma.Decimal("49.00"), { ...period, usedUntil: new Date("2026-03-02T13:00:00Z") }, "UTC"),
    ).toEqual({ amount: "4.74", usedDays: 3, periodDays: 31 });
    const eightDays = { start: new Date("2026-03-01T00:00:00Z"), end: new Date("2026-03-09T00:00:00Z") };
    expect(
      proratedPrice(new Prisma.Decimal("1.00"), { ...eightDays, usedUntil: new Date("2026-03-01T06:00:00Z") }, "UTC"),
    ).toEqual({ amount: "0.13", usedDays: 1, periodDays: 8 });
    // Never more than the whole period.
    expect(
      proratedPrice(new Prisma.Decimal("49.00"), { ...period, usedUntil: new Date("2026-04-30T00:00:00Z") }, "UTC")
        .amount,
    ).toBe("49.00");
  });

  it("writes the period's days as the distributor's calendar has them", () => {
    const start = new Date("2026-02-28T22:30:00Z");
    const end = new Date("2026-03-31T21:30:00Z");
    expect(periodText(start, end, "Europe/Athens")).toBe("Period 01 Mar 2026 – 01 Apr 2026");
    expect(periodText(start, end, "UTC")).toBe("Period 28 Feb 2026 – 31 Mar 2026");
  });
});
