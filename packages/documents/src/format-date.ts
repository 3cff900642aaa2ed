/** Formats a calendar date as YYYY-MM-DD (unambiguous across locales) in the given time zone. */
export function formatDate(date: Date, timeZone = "UTC"): string {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError("Invalid date");
  }
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
