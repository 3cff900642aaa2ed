import type { Prisma } from "@cm/db";
import {
  calendarDayOf,
  daysBetween,
  daysInMonth,
  dayText,
  instantOf,
  wallTimeOf,
  type CalendarDay,
} from "../shared/business-time.ts";
import { toCents } from "../shared/money.ts";

// Billing periods on the distributor's calendar. A subscription keeps the day
// of the month it started on (its anchor): bought on 31 January, its periods
// end on 28 February (29 in a leap year), 31 March, 30 April... A period ends
// at the time of day the subscription started, on the clock of the zone.

/** The subscription's anchor: the day of the month it started on, in the distributor's zone. */
export const anchorDayOf = (startedAt: Date, timeZone: string) => calendarDayOf(startedAt, timeZone).day;

const monthPlus = (year: number, month: number, months: number) => {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};

/** The anchor's date in a month: the anchor day, or the month's last day when it is shorter. */
const anchorDate = (year: number, month: number, anchorDay: number): CalendarDay => ({
  year,
  month,
  day: Math.min(anchorDay, daysInMonth(year, month)),
});

/**
 * The month whose anchor date `periodEnd` falls on. A period end lies on its
 * anchor date, but one computed while the distributor was in another zone may
 * read a day off at a month's edge (31 March 23:30 in one zone is 1 April in
 * another): the nearest anchor date decides.
 */
function anchorMonthOf(periodEnd: Date, anchorDay: number, timeZone: string) {
  const day = calendarDayOf(periodEnd, timeZone);
  const candidates = [-1, 0, 1].map((shift) => monthPlus(day.year, day.month, shift));
  const distance = (candidate: { year: number; month: number }) =>
    Math.abs(daysBetween(day, anchorDate(candidate.year, candidate.month, anchorDay)));
  return candidates.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best));
}

/**
 * The end of the period that starts at `periodStart` (the start of the
 * subscription or the end of the period before): `months` later on the
 * anchor day, at the time of day of `startedAt`, in `timeZone`.
 */
export function periodEndAfter(
  periodStart: Date,
  subscription: { billingPeriodMonths: number; anchorDay: number; startedAt: Date },
  timeZone: string,
): Date {
  const from = anchorMonthOf(periodStart, subscription.anchorDay, timeZone);
  const to = monthPlus(from.year, from.month, subscription.billingPeriodMonths);
  const { hour, minute, second, millisecond } = wallTimeOf(subscription.startedAt, timeZone);
  return instantOf(
    { ...anchorDate(to.year, to.month, subscription.anchorDay), hour, minute, second, millisecond },
    timeZone,
  );
}

/**
 * The days of `from`..`to` that have begun, on the calendar of `timeZone`:
 * every started day counts whole (from 28 Feb 10:00 to 2 Mar 09:00 is 2 days,
 * to 2 Mar 10:01 is 3).
 */
export function daysBegun(from: Date, to: Date, timeZone: string): number {
  const start = wallTimeOf(from, timeZone);
  const end = wallTimeOf(to, timeZone);
  const whole = daysBetween(start, end);
  const clock = (wall: typeof start) => ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000 + wall.millisecond;
  return whole + (clock(end) > clock(start) ? 1 : 0);
}

/**
 * The price of the part of a period that was used: the period's price times
 * the days begun over the period's days, to the cent as every amount is.
 */
export function proratedPrice(
  unitPrice: Prisma.Decimal,
  period: { start: Date; end: Date; usedUntil: Date },
  timeZone: string,
): { amount: string; usedDays: number; periodDays: number } {
  const periodDays = daysBegun(period.start, period.end, timeZone);
  const usedDays = Math.min(daysBegun(period.start, period.usedUntil, timeZone), periodDays);
  return { amount: toCents(unitPrice.times(usedDays).dividedBy(periodDays)), usedDays, periodDays };
}

/** "Period 02 Mar 2026 – 02 Apr 2026", the days on the distributor's calendar. */
export const periodText = (start: Date, end: Date, timeZone: string) =>
  `Period ${dayText(start, timeZone)} – ${dayText(end, timeZone)}`;
