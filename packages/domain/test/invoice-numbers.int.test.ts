import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueInvoice } from "../src/billing/issue-invoice.ts";
import type { Clock } from "../src/clock.ts";
import { createHarness, makeAccount, type Harness } from "./harness.ts";

// An invoice's issue time follows its number: issued at once, a higher number
// never carries an earlier time (the time is read while the number's counter
// is locked). On PostgreSQL the issuing transactions really run side by side.

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

/** A clock that moves on a millisecond every time it is read, as real time does between two reads. */
function tickingClock(start: Date): Clock {
  let time = start.getTime();
  return {
    now: () => {
      time += 1;
      return new Date(time);
    },
  };
}

describe("invoice numbers and issue times", () => {
  it("rise together when many invoices are issued at once", async () => {
    const accounts = await Promise.all(
      ["One", "Two", "Three", "Four"].map((name) =>
        makeAccount(harness, { kind: "DIRECT_CUSTOMER", name: `Numbers ${name}` }),
      ),
    );
    const deps = { ...harness.deps, clock: tickingClock(new Date("2026-03-02T09:00:00Z")) };
    const line = { net: "10.00", tax: "2.40", gross: "12.40" };
    const issueOne = (index: number) =>
      deps.db.$transaction((tx) =>
        issueInvoice(tx, deps, {
          kind: "INVOICE",
          accountId: accounts[index % accounts.length]?.id ?? "",
          orderId: null,
          currency: "EUR",
          totals: line,
          lines: [
            {
              description: "Licenses",
              detail: null,
              quantity: 1,
              unitPrice: "10.00",
              taxRate: "24.00",
              taxRegime: "DOMESTIC",
              assetId: null,
              ...line,
            },
          ],
        }),
      );
    for (let round = 0; round < 3; round += 1)
      await Promise.all(Array.from({ length: 12 }, (_, index) => issueOne(index)));

    const invoices = await harness.deps.db.invoice.findMany({
      where: { accountId: { in: accounts.map((account) => account.id) } },
      select: { number: true, issuedAt: true },
      orderBy: { number: "asc" },
    });
    expect(invoices).toHaveLength(36);
    const numbers = invoices.map((invoice) => Number(invoice.number.slice(4)));
    // Gapless, in order.
    expect(numbers).toEqual(numbers.map((_, index) => (numbers[0] ?? 0) + index));
    const inversions = invoices.filter(
      (invoice, index) => index > 0 && invoice.issuedAt <= (invoices[index - 1]?.issuedAt ?? invoice.issuedAt),
    );
    expect(inversions.map((invoice) => invoice.number)).toEqual([]);
  });
});
