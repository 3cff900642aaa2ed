/**
 * Formats a calendar date as "05 Mar 2026" in the given time zone: the one
 * date format of both apps and the domain's texts (the month in words reads
 * the same in every locale, unlike 03/05/2026).
 */
export function formatDate(date: Date, timeZone = "UTC"): string {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError("Invalid date");
  }
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "2-digit", month: "short", year: "numeric" }).format(date);
}
