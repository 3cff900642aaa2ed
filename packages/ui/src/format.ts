const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (timeZone: string | undefined) => {
  const key = timeZone ?? "";
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", year: "numeric", timeZone });
    dateFormats.set(key, format);
  }
  return format;
};
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/**
 * The day of `value`: in `timeZone` when given (a business date the server counts in the distributor's
 * zone: a renewal, a subscription's end), else in the viewer's own zone.
 */
export const formatDate = (value: Date | string, timeZone?: string) => dateFormat(timeZone).format(new Date(value));
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
/** A calendar day as the API sends it ("2026-12-03": a payment's date, a statement's day), the same for every viewer. */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
export const formatDateTime = (value: Date | string) => dateTimeFormat.format(new Date(value));
/** The time of day in the viewer's own locale, short (10:42, 10:42 AM). */
export const formatTime = (value: Date | string) =>
  new Date(value).toLocaleTimeString(undefined, { timeStyle: "short" });

/** Amounts arrive as exact decimal strings; formatting for display only. */
export function formatMoney(amount: string, currency: string): string {
  const [whole = "0", cents = "00"] = amount.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const symbol = ({ EUR: "€", USD: "$", GBP: "£" } as Record<string, string>)[currency];
  const sign = amount.startsWith("-") ? "-" : "";
  const text = `${grouped}.${cents.padEnd(2, "0").slice(0, 2)}`;
  return symbol ? `${sign}${symbol}${text}` : `${sign}${text} ${currency}`;
}

/** "24.00" -> "24%", "7.70" -> "7.7%" */
export const formatPercent = (rate: string) => `${Number(rate)}%`;
