import { describe, expect, it } from "vitest";
import { cancellationVerdict } from "./cancellation.ts";

const verdictAt = (purchase: string, now: string, timeZone: string) =>
  cancellationVerdict({
    status: "ACTIVE",
    syncStatus: "SYNCHRONIZED",
    couponState: "ACTIVE",
    purchaseDate: new Date(purchase),
    now: new Date(now),
    timeZone,
  });

/**
 * The window closes at the end of the 15th calendar day after the purchase
 * date, both days on the distributor's calendar. Every instant is written with
 * the offset the zone has then (by hand, not computed), so a row whose last day
 * is past a daylight saving change shows the other offset.
 */
const BOUNDARIES: { zone: string; purchase: string; lastAllowed: string; firstRefused: string; text: string }[] = [
  // The cases. A buyer at 01:30 Athens time (23:30 UTC the day before) keeps the whole 15th day.
  {
    zone: "Europe/Athens",
    purchase: "2026-12-02T01:30:00+02:00",
    lastAllowed: "2026-12-17T23:59:59.999+02:00",
    firstRefused: "2026-12-18T00:00:00+02:00",
    text: "17 Dec 2026, 23:59 EET",
  },
  // A New York buyer is not refused from 20:00 on the 17th (midnight UTC) any more.
  {
    zone: "America/New_York",
    purchase: "2026-06-02T10:00:00-04:00",
    lastAllowed: "2026-06-17T23:59:59.999-04:00",
    firstRefused: "2026-06-18T00:00:00-04:00",
    text: "17 Jun 2026, 23:59 EDT",
  },
  // Europe/Athens: UTC+2, UTC+3 from 29 March 2026 03:00 to 25 October 2026 04:00.
  ...["00:30", "23:30"].flatMap((time) => [
    {
      zone: "Europe/Athens",
      purchase: `2026-03-20T${time}:00+02:00`,
      lastAllowed: "2026-04-04T23:59:59.999+03:00",
      firstRefused: "2026-04-05T00:00:00+03:00",
      text: "04 Apr 2026, 23:59 EEST",
    },
    {
      zone: "Europe/Athens",
      purchase: `2026-03-14T${time}:00+02:00`,
      // The last day is the 23-hour day the clocks go forward.
      lastAllowed: "2026-03-29T23:59:59.999+03:00",
      firstRefused: "2026-03-30T00:00:00+03:00",
      text: "29 Mar 2026, 23:59 EEST",
    },
    {
      zone: "Europe/Athens",
      purchase: `2026-10-15T${time}:00+03:00`,
      lastAllowed: "2026-10-30T23:59:59.999+02:00",
      firstRefused: "2026-10-31T00:00:00+02:00",
      text: "30 Oct 2026, 23:59 EET",
    },
    {
      zone: "Europe/Athens",
      purchase: `2026-10-10T${time}:00+03:00`,
      // The last day is the 25-hour day the clocks go back.
      lastAllowed: "2026-10-25T23:59:59.999+02:00",
      firstRefused: "2026-10-26T00:00:00+02:00",
      text: "25 Oct 2026, 23:59 EET",
    },
  ]),
  // America/New_York: UTC-5, UTC-4 from 8 March 2026 02:00 to 1 November 2026 02:00.
  ...["00:30", "23:30"].flatMap((time) => [
    {
      zone: "America/New_York",
      purchase: `2026-02-25T${time}:00-05:00`,
      lastAllowed: "2026-03-12T23:59:59.999-04:00",
      firstRefused: "2026-03-13T00:00:00-04:00",
      text: "12 Mar 2026, 23:59 EDT",
    },
    {
      zone: "America/New_York",
      purchase: `2026-02-21T${time}:00-05:00`,
      lastAllowed: "2026-03-08T23:59:59.999-04:00",
      firstRefused: "2026-03-09T00:00:00-04:00",
      text: "08 Mar 2026, 23:59 EDT",
    },
    {
      zone: "America/New_York",
      purchase: `2026-10-25T${time}:00-04:00`,
      lastAllowed: "2026-11-09T23:59:59.999-05:00",
      firstRefused: "2026-11-10T00:00:00-05:00",
      text: "09 Nov 2026, 23:59 EST",
    },
    {
      zone: "America/New_York",
      purchase: `2026-10-17T${time}:00-04:00`,
      lastAllowed: "2026-11-01T23:59:59.999-05:00",
      firstRefused: "2026-11-02T00:00:00-05:00",
      text: "01 Nov 2026, 23:59 EST",
    },
  ]),
  // UTC: no daylight saving time, the same dates.
  ...["00:30", "23:30"].flatMap((time) => [
    {
      zone: "UTC",
      purchase: `2026-03-20T${time}:00Z`,
      lastAllowed: "2026-04-04T23:59:59.999Z",
      firstRefused: "2026-04-05T00:00:00Z",
      text: "04 Apr 2026, 23:59 UTC",
    },
    {
      zone: "UTC",
      purchase: `2026-10-15T${time}:00Z`,
      lastAllowed: "2026-10-30T23:59:59.999Z",
      firstRefused: "2026-10-31T00:00:00Z",
      text: "30 Oct 2026, 23:59 UTC",
    },
  ]),
];

describe("the 15-day cancellation window, on the distributor's calendar", () => {
  it.each(BOUNDARIES)(
    "$zone, bought $purchase: open until $lastAllowed, refused from $firstRefused",
    ({ zone, purchase, lastAllowed, firstRefused, text }) => {
      const last = verdictAt(purchase, lastAllowed, zone);
      expect(last).toEqual({ allowed: true, endsAt: new Date(lastAllowed), timeZone: zone, endsAtText: text });
      expect(verdictAt(purchase, purchase, zone).allowed).toBe(true);
      const refused = verdictAt(purchase, firstRefused, zone);
      expect(refused).toMatchObject({ allowed: false, endsAt: new Date(lastAllowed), endsAtText: text });
      expect(!refused.allowed && refused.reason).toBe(
        `Cancellation is only possible within 15 days of the purchase date (until ${text})`,
      );
    },
  );

  it("gives the Athens buyer at 01:30 their 15th day, which UTC days took from 02:00", () => {
    expect(verdictAt("2026-12-02T01:30:00+02:00", "2026-12-17T12:00:00+02:00", "Europe/Athens").allowed).toBe(true);
    // Counted in UTC it was bought on 1 December: the window would have closed at 17 December 02:00 in Athens.
    expect(verdictAt("2026-12-02T01:30:00+02:00", "2026-12-17T12:00:00+02:00", "UTC").allowed).toBe(false);
  });

  it("keeps the New York buyer's evening of the 17th, which UTC days refused from 20:00", () => {
    expect(verdictAt("2026-06-02T10:00:00-04:00", "2026-06-17T20:00:00-04:00", "America/New_York").allowed).toBe(true);
    expect(verdictAt("2026-06-02T10:00:00-04:00", "2026-06-17T20:00:00-04:00", "UTC").allowed).toBe(false);
  });
});

describe("what else refuses a cancellation", () => {
  const purchase = new Date("2026-03-02T16:30:00Z");
  const base = {
    status: "ACTIVE" as const,
    syncStatus: "SYNCHRONIZED" as const,
    purchaseDate: purchase,
    now: purchase,
    timeZone: "UTC",
  };

  it("refuses a redeemed or expired coupon, a pending one and a cancelled asset, saying when the window ends", () => {
    expect(cancellationVerdict({ ...base, couponState: "REDEEMED" })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/redeemed/),
      endsAtText: "17 Mar 2026, 23:59 UTC",
    });
    expect(cancellationVerdict({ ...base, couponState: "EXPIRED" }).allowed).toBe(false);
    expect(cancellationVerdict({ ...base, couponState: null, syncStatus: "PENDING" }).allowed).toBe(false);
    expect(cancellationVerdict({ ...base, couponState: "CANCELLED", status: "CANCELLED" })).toMatchObject({
      allowed: false,
      reason: "The asset is already cancelled",
    });
  });

  it("allows cancelling an asset whose provisioning failed (there is no coupon to revoke)", () => {
    expect(cancellationVerdict({ ...base, syncStatus: "FAILED", couponState: null }).allowed).toBe(true);
  });
});
