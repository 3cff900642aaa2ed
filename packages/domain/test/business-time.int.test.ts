import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { processPlanPeriods } from "../src/plans/process-plan-periods.ts";
import { dayText } from "../src/shared/business-time.ts";
import { makeAccount } from "./harness.ts";
import { createOrderingWorld, fillBasket, settle, type OrderingWorld } from "./ordering-harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";

// Business dates counted on the distributor's calendar (Setup > Company >
// Time zone), through the real procedures, with the harness clock.

let world: OrderingWorld;
let plans: Awaited<ReturnType<typeof publishPlans>>;
let clockAtStart: Date;
beforeAll(async () => {
  world = await createOrderingWorld();
  plans = await publishPlans(world.harness);
  clockAtStart = world.harness.clock.now();
});
afterAll(() => world.close());
afterEach(async () => {
  world.harness.clock.set(clockAtStart);
  await setTimeZone("UTC");
});

/** Staff change the distributor's time zone in Setup > Company. */
async function setTimeZone(timeZone: string) {
  const company = await world.staff.bss.company.get();
  const saved = await world.staff.bss.company.update({
    companyName: company.companyName,
    email: company.email,
    phone: company.phone,
    taxId: company.taxId,
    website: company.website,
    billingAddress: company.billingAddress,
    timeZone,
  });
  expect(saved.timeZone).toBe(timeZone);
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error as TRPCError,
  );

/** Anna buys one license at `at`; returns the asset and its order once provisioned. */
async function buyAt(at: string) {
  world.harness.clock.set(new Date(at));
  const basket = await fillBasket(world, { quantity: 1, assetName: `Window ${randomUUID().slice(0, 6)}` });
  const { orderId } = await world.anna.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  await settle(world);
  const order = await world.anna.storefront.order.get({ id: orderId });
  const asset = order.assets[0];
  if (!asset) throw new Error("no asset");
  expect((await world.anna.storefront.asset.get({ id: asset.id })).purchaseDate).toEqual(new Date(at));
  return { assetId: asset.id, orderId };
}

/** Hand-written instants, each with the offset the zone has then (see the unit test's table for the whole grid). */
const CASES = [
  {
    name: "a buyer at 01:30 Athens time keeps the whole 15th day (UTC days refused them from 02:00)",
    zone: "Europe/Athens",
    purchase: "2026-12-02T01:30:00+02:00",
    lastAllowed: "2026-12-17T23:59:59.999+02:00",
    firstRefused: "2026-12-18T00:00:00+02:00",
    text: "17 Dec 2026, 23:59 EET",
  },
  {
    name: "a New York buyer keeps the evening of the 17th (UTC days refused them from 20:00)",
    zone: "America/New_York",
    purchase: "2026-06-02T10:00:00-04:00",
    lastAllowed: "2026-06-17T23:59:59.999-04:00",
    firstRefused: "2026-06-18T00:00:00-04:00",
    text: "17 Jun 2026, 23:59 EDT",
  },
  {
    name: "Athens, bought at 23:30 before the clocks go forward in March",
    zone: "Europe/Athens",
    purchase: "2026-03-20T23:30:00+02:00",
    lastAllowed: "2026-04-04T23:59:59.999+03:00",
    firstRefused: "2026-04-05T00:00:00+03:00",
    text: "04 Apr 2026, 23:59 EEST",
  },
  {
    name: "New York, bought at 00:30 before the clocks go back in November",
    zone: "America/New_York",
    purchase: "2026-10-25T00:30:00-04:00",
    lastAllowed: "2026-11-09T23:59:59.999-05:00",
    firstRefused: "2026-11-10T00:00:00-05:00",
    text: "09 Nov 2026, 23:59 EST",
  },
  {
    name: "UTC, bought at 00:30",
    zone: "UTC",
    purchase: "2026-10-15T00:30:00Z",
    lastAllowed: "2026-10-30T23:59:59.999Z",
    firstRefused: "2026-10-31T00:00:00Z",
    text: "30 Oct 2026, 23:59 UTC",
  },
];

describe("the cancellation window, through the cancel procedure", () => {
  it.each(CASES)("$name", async ({ zone, purchase, lastAllowed, firstRefused, text }) => {
    await setTimeZone(zone);
    const { assetId, orderId } = await buyAt(purchase);

    // Both apps are given the end as the distributor counts it, with its zone.
    world.harness.clock.set(new Date(lastAllowed));
    const shopView = await world.anna.storefront.asset.get({ id: assetId });
    expect(shopView.cancellation).toEqual({
      allowed: true,
      endsAt: new Date(lastAllowed),
      timeZone: zone,
      endsAtText: text,
    });
    expect((await world.staff.bss.asset.get({ id: assetId })).cancellation).toEqual(shopView.cancellation);
    expect((await world.staff.bss.order.get({ id: orderId })).cancellation).toEqual(shopView.cancellation);

    // One millisecond later it is refused, in the same words.
    world.harness.clock.set(new Date(firstRefused));
    const refused = await refusal(world.anna.storefront.asset.cancel({ id: assetId }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe(`Cancellation is only possible within 15 days of the purchase date (until ${text})`);
    expect(await refusal(world.staff.bss.asset.cancelOrder({ id: orderId }))).toMatchObject({
      message: expect.stringContaining(`(until ${text})`),
    });
    expect((await world.staff.bss.asset.get({ id: assetId })).cancellation).toMatchObject({
      allowed: false,
      reason: refused.message,
      endsAtText: text,
    });

    // At the last millisecond the cancellation goes through.
    world.harness.clock.set(new Date(lastAllowed));
    expect((await world.anna.storefront.asset.cancel({ id: assetId })).status).toBe("CANCELLED");
  });
});

/** A new Greek reseller (a domestic sale: 24 % Greek VAT) that buys Standard (49.00 a month + 24 %) at `at`. */
async function standardBoughtAt(at: string, name: string) {
  world.harness.clock.set(new Date(at));
  const login = `${name.toLowerCase()}@periods.test`;
  const account = await makeAccount(world.harness, { kind: "RESELLER", name, login, country: "GR" });
  const reseller = await world.harness.shop(login);
  const { subscriptionId } = await buyPlan(reseller, plans.standard.id, name.toLowerCase());
  return { account, reseller, subscriptionId };
}

const invoiceOf = (id: string | undefined) =>
  world.harness.deps.db.invoice.findUniqueOrThrow({ where: { id: id ?? "" }, include: { lines: true } });

describe("renewals on the anchor day, in the distributor's zone", () => {
  it("renews a subscription bought on 31 January on the last day of short months and on the 31st again after", async () => {
    await setTimeZone("Europe/Athens");
    const { reseller, subscriptionId } = await standardBoughtAt("2026-01-31T10:00:00+02:00", "Anchored");
    const ends: string[] = [];
    const details: string[] = [];
    for (let month = 0; month < 12; month += 1) {
      const before = await reseller.storefront.subscription.get({ id: subscriptionId });
      ends.push(before.currentPeriodEnd.toISOString());
      // The job runs a minute after the period ended.
      world.harness.clock.set(new Date(before.currentPeriodEnd.getTime() + 60_000));
      await processPlanPeriods(world.harness.deps);
      const after = await reseller.storefront.subscription.get({ id: subscriptionId });
      expect(after.currentPeriodStart).toEqual(before.currentPeriodEnd);
      const invoice = await invoiceOf(after.events.at(-1)?.invoice?.id);
      expect(invoice.gross.toFixed(2)).toBe("60.76");
      details.push(invoice.lines[0]?.detail?.split(" · ")[1] ?? "");
    }
    // Each period ends at 10:00 Athens time (EET, or EEST from April to October) on the anchor day.
    expect(ends).toEqual([
      "2026-02-28T08:00:00.000Z",
      "2026-03-31T07:00:00.000Z",
      "2026-04-30T07:00:00.000Z",
      "2026-05-31T07:00:00.000Z",
      "2026-06-30T07:00:00.000Z",
      "2026-07-31T07:00:00.000Z",
      "2026-08-31T07:00:00.000Z",
      "2026-09-30T07:00:00.000Z",
      "2026-10-31T08:00:00.000Z",
      "2026-11-30T08:00:00.000Z",
      "2026-12-31T08:00:00.000Z",
      "2027-01-31T08:00:00.000Z",
    ]);
    expect(details.slice(0, 3)).toEqual([
      "Period 28 Feb 2026 – 31 Mar 2026",
      "Period 31 Mar 2026 – 30 Apr 2026",
      "Period 30 Apr 2026 – 31 May 2026",
    ]);
    const last = await reseller.storefront.subscription.get({ id: subscriptionId });
    expect(last).toMatchObject({ currentPeriodEnd: new Date("2027-02-28T08:00:00.000Z"), timeZone: "Europe/Athens" });
    expect(last.events.filter((event) => event.kind === "renewed")).toHaveLength(12);
  });

  it("counts the anchor on the distributor's calendar: 23:30 UTC on 31 January is the 1st in Athens", async () => {
    await setTimeZone("Europe/Athens");
    const { reseller, subscriptionId } = await standardBoughtAt("2026-01-31T23:30:00Z", "Eastern");
    const started = await reseller.storefront.subscription.get({ id: subscriptionId });
    // 1 March 01:30 EET; the invoice line and the Storefront's plan page name the Athens days.
    expect(started.currentPeriodEnd).toEqual(new Date("2026-02-28T23:30:00Z"));
    const first = await invoiceOf(started.events[0]?.invoice?.id);
    expect(first.lines[0]?.detail).toMatch(/^Period 01 Feb 2026 – 01 Mar 2026/);
    expect((await reseller.storefront.plan.list()).current).toMatchObject({ timeZone: "Europe/Athens" });
    // The invoice email's due date too: 30 days on is 2 March 23:30 UTC, 3 March in Athens.
    await settle(world);
    const email = await world.smtp.waitFor(
      (mail) => mail.to.includes("eastern@periods.test") && mail.subject.includes(first.number),
    );
    expect(email.text).toContain("due on 03 Mar 2026");
  });
});

describe("a cancellation after the period ended, before the job renewed it", () => {
  it("ends at the request and invoices the days since the period ended, pro rata", async () => {
    await setTimeZone("Europe/Athens");
    const { account, reseller, subscriptionId } = await standardBoughtAt("2026-01-31T10:00:00+02:00", "Late");
    const started = await reseller.storefront.subscription.get({ id: subscriptionId });
    expect(started.currentPeriodEnd).toEqual(new Date("2026-02-28T10:00:00+02:00"));
    const invoicesBefore = await world.harness.deps.db.invoice.count({ where: { accountId: account.id } });

    // The period ended on 28 February at 10:00; the job has not run; the reseller cancels on 2 March at 13:00.
    const requestedAt = new Date("2026-03-02T13:00:00+02:00");
    world.harness.clock.set(requestedAt);
    const cancelled = await reseller.storefront.subscription.cancel({ id: subscriptionId });
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      endReason: "cancelled",
      cancelRequestedAt: requestedAt,
      endedAt: requestedAt,
      currentPeriodStart: started.currentPeriodEnd,
      currentPeriodEnd: requestedAt,
    });
    expect(cancelled.events.map((event) => event.kind)).toEqual(["created", "cancellation-requested", "cancelled"]);
    // Three days begun of the 31-day period to 31 March: 49.00 × 3 / 31 = 4.74, tax 24 % 1.14.
    const invoice = await invoiceOf(cancelled.events[1]?.invoice?.id);
    expect([invoice.net.toFixed(2), invoice.tax.toFixed(2), invoice.gross.toFixed(2)]).toEqual([
      "4.74",
      "1.14",
      "5.88",
    ]);
    expect(invoice.lines[0]?.detail).toMatch(
      /^Until the cancellation, 3 of the period's 31 days · Period 28 Feb 2026 – 02 Mar 2026/,
    );
    expect(await world.harness.deps.db.invoice.count({ where: { accountId: account.id } })).toBe(invoicesBefore + 1);
    expect((await reseller.storefront.plan.list()).current.code).toBe("BASIC");

    // The job has nothing left to renew or end.
    await processPlanPeriods(world.harness.deps);
    expect((await reseller.storefront.subscription.get({ id: subscriptionId })).events).toHaveLength(3);
    expect(await world.harness.deps.db.invoice.count({ where: { accountId: account.id } })).toBe(invoicesBefore + 1);
    await settle(world);
    const email = await world.smtp.waitFor(
      (mail) => mail.to.includes("late@periods.test") && /plan subscription/i.test(mail.subject),
    );
    expect(email.text).toContain(dayText(requestedAt, "Europe/Athens"));
  });

  it("renews the periods that ended in between as the job would have, then bills the one the request falls in", async () => {
    await setTimeZone("Europe/Athens");
    const { reseller, subscriptionId } = await standardBoughtAt("2026-01-31T10:00:00+02:00", "Later");
    // Asked on 9 April 16:00 EEST: 28 Feb – 31 Mar is a whole period; of 31 Mar – 30 Apr (30 days) 10 have begun.
    world.harness.clock.set(new Date("2026-04-09T16:00:00+03:00"));
    const cancelled = await reseller.storefront.subscription.cancel({ id: subscriptionId });
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      currentPeriodStart: new Date("2026-03-31T10:00:00+03:00"),
      endedAt: new Date("2026-04-09T16:00:00+03:00"),
    });
    expect(cancelled.events.map((event) => event.kind)).toEqual([
      "created",
      "renewed",
      "cancellation-requested",
      "cancelled",
    ]);
    const renewal = await invoiceOf(cancelled.events[1]?.invoice?.id);
    expect([renewal.gross.toFixed(2), renewal.lines[0]?.detail]).toEqual([
      "60.76",
      expect.stringMatching(/^Renewal · Period 28 Feb 2026 – 31 Mar 2026/),
    ]);
    // 49.00 × 10 / 30 = 16.33, tax 3.92.
    const partial = await invoiceOf(cancelled.events[2]?.invoice?.id);
    expect([partial.net.toFixed(2), partial.gross.toFixed(2)]).toEqual(["16.33", "20.25"]);
  });

  it("still ends a cancellation asked before the period ended at the period's end, with nothing more to pay", async () => {
    const { account, reseller, subscriptionId } = await standardBoughtAt("2026-01-31T10:00:00Z", "Early");
    world.harness.clock.set(new Date("2026-02-27T10:00:00Z"));
    expect((await reseller.storefront.subscription.cancel({ id: subscriptionId })).status).toBe("PENDING_CANCELLATION");
    const invoices = await world.harness.deps.db.invoice.count({ where: { accountId: account.id } });
    world.harness.clock.set(new Date("2026-03-03T10:00:00Z"));
    await processPlanPeriods(world.harness.deps);
    expect(await reseller.storefront.subscription.get({ id: subscriptionId })).toMatchObject({
      status: "CANCELLED",
      endedAt: new Date("2026-02-28T10:00:00Z"),
    });
    expect(await world.harness.deps.db.invoice.count({ where: { accountId: account.id } })).toBe(invoices);
  });
});
