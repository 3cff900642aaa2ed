import { describe, expect, it } from "vitest";
import { calendarDayOf, dayText, endOfDay, instantOf, momentText, startOfDay, zoneName } from "./business-time.ts";

const wall = (year: number, month: number, day: number, hour: number, minute: number) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
  millisecond: 0,
});

describe("business time in the distributor's zone", () => {
  it("reads the calendar day of an instant in the zone", () => {
    const instant = new Date("2026-12-01T23:30:00Z");
    expect(calendarDayOf(instant, "UTC")).toEqual({ year: 2026, month: 12, day: 1 });
    expect(calendarDayOf(instant, "Europe/Athens")).toEqual({ year: 2026, month: 12, day: 2 });
    expect(calendarDayOf(new Date("2026-12-02T03:00:00Z"), "America/New_York")).toEqual({
      year: 2026,
      month: 12,
      day: 1,
    });
    expect(dayText(instant, "Europe/Athens")).toBe("02 Dec 2026");
  });

  it("ends a day at 23:59:59.999 local, on the days the clocks change too", () => {
    const cases: [string, { year: number; month: number; day: number }, string, string][] = [
      ["Europe/Athens", { year: 2026, month: 12, day: 17 }, "2026-12-16T22:00:00.000Z", "2026-12-17T21:59:59.999Z"],
      // 23 hours: 03:00 becomes 04:00.
      ["Europe/Athens", { year: 2026, month: 3, day: 29 }, "2026-03-28T22:00:00.000Z", "2026-03-29T20:59:59.999Z"],
      // 25 hours: 04:00 becomes 03:00.
      ["Europe/Athens", { year: 2026, month: 10, day: 25 }, "2026-10-24T21:00:00.000Z", "2026-10-25T21:59:59.999Z"],
      ["America/New_York", { year: 2026, month: 3, day: 8 }, "2026-03-08T05:00:00.000Z", "2026-03-09T03:59:59.999Z"],
      ["America/New_York", { year: 2026, month: 11, day: 1 }, "2026-11-01T04:00:00.000Z", "2026-11-02T04:59:59.999Z"],
      ["UTC", { year: 2026, month: 3, day: 29 }, "2026-03-29T00:00:00.000Z", "2026-03-29T23:59:59.999Z"],
      // Santiago skips midnight: 6 September 2026 begins at 01:00.
      ["America/Santiago", { year: 2026, month: 9, day: 6 }, "2026-09-06T04:00:00.000Z", "2026-09-07T02:59:59.999Z"],
    ];
    for (const [zone, day, start, end] of cases) {
      expect([startOfDay(day, zone).toISOString(), endOfDay(day, zone).toISOString()], `${zone} ${day.day}`).toEqual([
        start,
        end,
      ]);
    }
  });

  it("turns a wall-clock time into an instant: the earlier in the repeated hour, an hour on in the skipped one", () => {
    expect(instantOf(wall(2026, 10, 25, 3, 30), "Europe/Athens").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(instantOf(wall(2026, 3, 29, 3, 30), "Europe/Athens").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOf(wall(2026, 11, 1, 1, 30), "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(instantOf(wall(2026, 3, 8, 2, 30), "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("names the zone as Intl does at that instant, and writes a deadline with it", () => {
    expect(zoneName(new Date("2026-01-15T12:00:00Z"), "Europe/Athens")).toBe("EET");
    expect(zoneName(new Date("2026-07-15T12:00:00Z"), "Europe/Athens")).toBe("EEST");
    expect(zoneName(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe("EST");
    expect(zoneName(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe("EDT");
    expect(zoneName(new Date("2026-07-15T12:00:00Z"), "UTC")).toBe("UTC");
    expect(zoneName(new Date("2026-07-15T12:00:00Z"), "Asia/Tokyo")).toBe("GMT+9");
    expect(momentText(new Date("2026-12-17T21:59:59.999Z"), "Europe/Athens")).toBe("17 Dec 2026, 23:59 EET");
  });
});
