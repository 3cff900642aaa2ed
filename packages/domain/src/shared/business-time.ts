import type { Prisma, PrismaClient } from "@cm/db";
import { loadDistributor } from "./get-distributor.ts";

// Business dates (the cancellation window, billing periods, the days that
// messages and both apps print) are days on the distributor's calendar: the
// IANA time zone chosen at set-up (Setup > Company), UTC when none was chosen.
// Intl alone does the zone arithmetic, daylight saving time included.

export const DEFAULT_TIME_ZONE = "UTC";

/** A day on a calendar, month 1-12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time on a calendar. */
export interface WallTime extends CalendarDay {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY = 86_400_000;

/**
 * The distributor's time zone. One indexed read (none more in a transaction
 * that read the distributor already); a service reads it once and passes it
 * to the pure functions below (it can change in Setup > Company, so it is not
 * kept across requests).
 */
export async function businessTimeZone(db: PrismaClient | Prisma.TransactionClient): Promise<string> {
  const distributor = await loadDistributor(db);
  return distributor?.timeZone ?? DEFAULT_TIME_ZONE;
}

const cached = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cached.get(key);
  if (!format) {
    format = make();
    cached.set(key, format);
  }
  return format;
}

const wallFormat = (zone: string) =>
  formatter(
    `wall:${zone}`,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      }),
  );

/** What a clock in `zone` shows at `instant`. */
export function wallTimeOf(instant: Date, zone: string): WallTime {
  const parts = wallFormat(zone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    // Some ICU versions write midnight as 24 even with h23.
    hour: part("hour") % 24,
    minute: part("minute"),
    second: part("second"),
    // Zone offsets are whole seconds, so the milliseconds are those of UTC.
    millisecond: instant.getUTCMilliseconds(),
  };
}

const asUtc = (wall: WallTime) =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);

/** How far `zone` is ahead of UTC at `instant`, in milliseconds. */
const offsetAt = (instant: number, zone: string) => asUtc(wallTimeOf(new Date(instant), zone)) - instant;

/**
 * The instant a wall-clock time in `zone` names. In the hour the clocks go
 * back (it happens twice) the earlier one; in the hour they skip (it never
 * happens) the time that far past the change, as the clocks run.
 */
export function instantOf(wall: WallTime, zone: string): Date {
  const local = asUtc(wall);
  // A zone changes its offset at most once within a day either side.
  const before = local - offsetAt(local - DAY, zone);
  const after = local - offsetAt(local + DAY, zone);
  const matching = [before, after]
    .filter((candidate) => asUtc(wallTimeOf(new Date(candidate), zone)) === local)
    .sort((a, b) => a - b);
  return new Date(matching[0] ?? before);
}

/** The calendar day in `zone` at `instant`. */
export function calendarDayOf(instant: Date, zone: string): CalendarDay {
  const { year, month, day } = wallTimeOf(instant, zone);
  return { year, month, day };
}

const dayNumber = (day: CalendarDay) => Date.UTC(day.year, day.month - 1, day.day) / DAY;

/** The day `days` later (earlier when negative). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Calendar days from `from` to `to` (0 on the same day). */
export const daysBetween = (from: CalendarDay, to: CalendarDay) => dayNumber(to) - dayNumber(from);

/** How many days a month has (month 1-12; 13 is January of the next year). */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first instant of a day in `zone` (not always 00:00: some zones skip midnight). */
export const startOfDay = (day: CalendarDay, zone: string) =>
  instantOf({ ...day, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);

/** The last millisecond of a day in `zone` (23:59:59.999 local, whatever length the day has). */
export const endOfDay = (day: CalendarDay, zone: string) => new Date(startOfDay(addDays(day, 1), zone).getTime() - 1);

const dayFormat = (zone: string) =>
  formatter(
    `day:${zone}`,
    () => new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", year: "numeric", timeZone: zone }),
  );
const timeFormat = (zone: string) =>
  formatter(
    `time:${zone}`,
    () => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }),
  );

/** The day of `instant` in `zone` in words, as both apps write dates: "02 Dec 2026". */
export const dayText = (instant: Date, zone: string) => dayFormat(zone).format(instant);

/**
 * The zone's short name at `instant`, as Intl gives it: "EET" / "EEST",
 * "EST" / "EDT", "CET", "UTC". British English names European zones, American
 * English American ones; a zone neither names is its offset ("GMT+9").
 */
export function zoneName(instant: Date, zone: string): string {
  const names = ["en-GB", "en-US"].map(
    (locale) =>
      formatter(
        `name:${locale}:${zone}`,
        () => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }),
      )
        .formatToParts(instant)
        .find((part) => part.type === "timeZoneName")?.value ?? zone,
  );
  return names.find((name) => !/^GMT[+-]/.test(name)) ?? names[0] ?? zone;
}

/** A moment with its zone, as a deadline is written: "17 Dec 2026, 23:59 EET". */
export const momentText = (instant: Date, zone: string) =>
  `${dayText(instant, zone)}, ${timeFormat(zone).format(instant)} ${zoneName(instant, zone)}`;
