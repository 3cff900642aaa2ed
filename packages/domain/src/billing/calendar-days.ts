import type { Prisma, PrismaClient } from "@cm/db";

// Payments, refunds and statements speak of calendar days ("2026-12-03") as
// the distributor's calendar has them (its time zone from set-up, else UTC),
// like the dates the invoice PDFs print. A day is stored as a DATE column,
// which Prisma reads and writes as midnight UTC of that day.

/** "2026-12-03" -> the Date Prisma stores for that DATE. */
export const dayToDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
/** A DATE column's value -> "2026-12-03". */
export const dateToDay = (date: Date) => date.toISOString().slice(0, 10);

/** The calendar day `instant` falls on in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The first instant of `day` in `timeZone` (DST-safe: the offset is measured at that moment). */
export function startOfDayIn(day: string, timeZone: string): Date {
  const midnightUtc = dayToDate(day).getTime();
  let guess = midnightUtc;
  // Two rounds settle it: the offset at the guess, then at the corrected guess.
  for (let round = 0; round < 2; round += 1) guess = midnightUtc - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** The day after `day`. */
export const nextDay = (day: string) => dateToDay(new Date(dayToDate(day).getTime() + 86_400_000));

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const wall = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The distributor's time zone, the one business days are counted in. */
export async function distributorTimeZone(db: PrismaClient | Prisma.TransactionClient): Promise<string> {
  const distributor = await db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { timeZone: true } });
  return distributor?.timeZone ?? "UTC";
}
