import { describe, expect, it } from "vitest";
import { formatDate } from "./format-date.ts";

describe("formatDate", () => {
  it("prints the calendar day in UTC by default", () => {
    expect(formatDate(new Date("2026-03-05T23:30:00Z"))).toBe("05 Mar 2026");
  });

  it("prints the calendar day of the requested time zone", () => {
    expect(formatDate(new Date("2026-03-05T23:30:00Z"), "Europe/Berlin")).toBe("06 Mar 2026");
    expect(formatDate(new Date("2026-03-05T02:00:00Z"), "America/New_York")).toBe("04 Mar 2026");
  });

  it("rejects an invalid date", () => {
    expect(() => formatDate(new Date("not a date"))).toThrow(RangeError);
  });
});
