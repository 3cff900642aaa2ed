const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * A calendar day in words, as both apps show dates ("02 Dec 2026"): the one
 * format of the messages, emails and invoice lines the domain writes. Days
 * here are UTC days (the cancellation window, billing periods), so a deadline
 * adds ", UTC" where it is shown.
 */
export const dayText = (date: Date) => dayFormat.format(date);
