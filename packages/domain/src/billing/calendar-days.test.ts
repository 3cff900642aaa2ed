import { describe, expect, it } from "vitest";
import { dayIn, nextDay, startOfDayIn } from "./calendar-days.ts";

describe("calendar days in the distributor's time zone", () => {
  it.each([
    ["2026-12-03", "UTC", "2026-12-03T00:00:00.000Z"],
    ["2026-12-03", "Europe/Athens", "2026-12-02T22:00:00.000Z"],
    // The days DST starts and ends in Athens (UTC+3 in summer).
    ["2026-03-29", "Europe/Athens", "2026-03-28T22:00:00.000Z"],
    ["2026-03-30", "Europe/Athens", "2026-03-29T21:00:00.000Z"],
    ["2026-10-25", "Europe/Athens", "2026-10-24T21:00:00.000Z"],
    ["2026-10-26", "Europe/Athens", "2026-10-25T22:00:00.000Z"],
    ["2026-12-03", "America/New_York", "2026-12-03T05:00:00.000Z"],
  ])("%s starts in %s at %s", (day, zone, instant) => {
    expect(startOfDayIn(day, zone).toISOString()).toBe(instant);
    expect(dayIn(new Date(instant), zone)).toBe(day);
    expect(dayIn(new Date(new Date(instant).getTime() - 1), zone)).not.toBe(day);
  });

  it("counts the next day across month and year ends", () => {
    expect([nextDay("2026-02-28"), nextDay("2028-02-28"), nextDay("2026-12-31")]).toEqual([
      "2026-03-01",
      "2028-02-29",
      "2027-01-01",
    ]);
  });
});
