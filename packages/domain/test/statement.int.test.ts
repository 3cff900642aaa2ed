import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueInvoice } from "../src/billing/issue-invoice.ts";
import { factsOf } from "../src/billing/settle.ts";
import { settlementOf } from "../src/billing/settlement.ts";
import { nextDay } from "../src/billing/calendar-days.ts";
import { createHarness, makeAccount, type Caller, type Harness } from "./harness.ts";

// The statement of account and the balance: opening + movements = closing, for
// any period, and the balance is what the open documents say. The documents are
// issued by the product's own issueInvoice (credit notes applied as a
// cancellation applies them), payments and refunds recorded through the BSS.

let harness: Harness;
let staff: Caller;
beforeAll(async () => {
  harness = await createHarness();
  staff = await harness.staff();
  // Days are the distributor's: late evening UTC is already the next day in Athens.
  await harness.deps.db.account.updateMany({ where: { kind: "DISTRIBUTOR" }, data: { timeZone: "Europe/Athens" } });
});
afterAll(() => harness.close());

const at = (iso: string) => harness.clock.set(new Date(iso));

async function issue(accountId: string, gross: string, creditFor?: string) {
  const line = { net: gross, tax: "0.00", gross };
  return harness.deps.db.$transaction((tx) =>
    issueInvoice(tx, harness.deps, {
      kind: creditFor ? "CREDIT" : "INVOICE",
      accountId,
      orderId: null,
      currency: "EUR",
      creditForId: creditFor,
      totals: line,
      lines: [
        {
          description: "Licenses",
          detail: null,
          quantity: 1,
          unitPrice: gross,
          taxRate: "0.00",
          taxRegime: "DOMESTIC",
          assetId: null,
          ...line,
        },
      ],
    }),
  );
}

const pay = (invoiceId: string, amount: string, receivedOn: string) =>
  staff.bss.invoice.recordPayment({ invoiceId, amount, receivedOn, method: "BANK_TRANSFER", reference: null });
const refund = (creditNoteId: string, amount: string, refundedOn: string) =>
  staff.bss.invoice.recordRefund({ creditNoteId, amount, refundedOn, method: "BANK_TRANSFER", reference: "R-1" });

describe("a statement of account", () => {
  it("lists the period's movements in date order with a running balance, between the opening and closing balances", async () => {
    const account = await makeAccount(harness, {
      kind: "DIRECT_CUSTOMER",
      name: "Statement Ltd",
      login: "sam@statement.test",
    });
    at("2026-03-02T10:00:00Z");
    const a = await issue(account.id, "100.00");
    at("2026-03-04T10:00:00Z");
    await pay(a.id, "40.00", "2026-03-03");
    at("2026-03-05T21:30:00Z"); // 23:30 in Athens: still the 5th there
    const b = await issue(account.id, "50.00");
    at("2026-03-06T22:30:00Z"); // 00:30 on the 7th in Athens
    const creditB = await issue(account.id, "-50.00", b.id);
    at("2026-03-08T10:00:00Z");
    const creditA = await issue(account.id, "-100.00", a.id);
    at("2026-03-09T10:00:00Z");
    await refund(creditA.id, "40.00", "2026-03-09");
    at("2026-03-10T10:00:00Z");
    const c = await issue(account.id, "20.00");
    at("2026-03-11T10:00:00Z");
    await staff.bss.invoice.void({ id: c.id, reason: "Issued twice" });

    const statement = await staff.bss.account.statement({
      accountId: account.id,
      from: "2026-03-04",
      to: "2026-03-09",
    });
    expect(statement).toMatchObject({
      account: { id: account.id, companyName: "Statement Ltd" },
      currency: "EUR",
      currencies: ["EUR"],
      timeZone: "Europe/Athens",
      openingBalance: "60.00",
      closingBalance: "0.00",
      totals: { invoiced: "50.00", credited: "150.00", voided: "0.00", paid: "0.00", refunded: "40.00" },
    });
    expect(
      statement.lines.map((line) => [line.date, line.kind, line.document?.number ?? null, line.amount, line.balance]),
    ).toEqual([
      ["2026-03-05", "invoice", b.number, "50.00", "110.00"],
      ["2026-03-07", "credit-note", creditB.number, "-50.00", "60.00"],
      ["2026-03-08", "credit-note", creditA.number, "-100.00", "-40.00"],
      ["2026-03-09", "refund", creditA.number, "40.00", "0.00"],
    ]);
    expect(statement.lines[2]?.description).toBe(`Credit note ${creditA.number} for ${a.number}`);
    expect(statement.lines[3]?.description).toBe(`Refund for ${creditA.number} (Bank transfer, ref R-1)`);

    const all = await staff.bss.account.statement({ accountId: account.id, from: "2026-03-01", to: "2026-03-11" });
    expect(all.openingBalance).toBe("0.00");
    expect(all.lines.map((line) => [line.date, line.kind, line.amount])).toEqual([
      ["2026-03-02", "invoice", "100.00"],
      ["2026-03-03", "payment", "-40.00"],
      ["2026-03-05", "invoice", "50.00"],
      ["2026-03-07", "credit-note", "-50.00"],
      ["2026-03-08", "credit-note", "-100.00"],
      ["2026-03-09", "refund", "40.00"],
      ["2026-03-10", "invoice", "20.00"],
      ["2026-03-11", "void", "-20.00"],
    ]);
    expect(all.lines[1]?.description).toBe(`Payment (Bank transfer) for ${a.number}`);
    expect(all.lines[7]?.description).toBe(`Invoice ${c.number} voided: Issued twice`);
    expect(all.closingBalance).toBe("0.00");
    expect(await staff.bss.account.balance({ id: account.id })).toEqual([
      { currency: "EUR", balance: "0.00", amountDue: "0.00", refundDue: "0.00" },
    ]);

    // The buyer sees its own, the same.
    const sam = await harness.shop("sam@statement.test");
    expect(await sam.storefront.account.statement({ from: "2026-03-04", to: "2026-03-09" })).toEqual(statement);
    expect(await sam.storefront.account.balance()).toEqual(await staff.bss.account.balance({ id: account.id }));
  });

  it("refuses a period that ends before it starts, or a day that is not a date, naming the field", async () => {
    const account = await makeAccount(harness, { kind: "DIRECT_CUSTOMER", name: "Period Ltd" });
    await expect(
      staff.bss.account.statement({ accountId: account.id, from: "2026-03-09", to: "2026-03-04" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["to"] })] },
    });
    await expect(
      staff.bss.account.statement({ accountId: account.id, from: "2026-13-01", to: "2026-03-04" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["from"] })] },
    });
  });
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("balances over random movements", () => {
  it("always close at opening + movements, chain from one period to the next, and end at the account's balance", async () => {
    const next = random(18);
    const cents = (max: number) => 1 + Math.floor(next() * max);
    const amount = (value: number) => (value / 100).toFixed(2);
    const account = await makeAccount(harness, { kind: "DIRECT_CUSTOMER", name: "Random Movements Ltd" });
    let now = new Date("2026-04-01T06:00:00Z").getTime();
    const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
    const invoices: { id: string; grossCents: number; creditedCents: number }[] = [];
    for (let step = 0; step < 80; step += 1) {
      now += Math.floor(next() * 2.5 * 86_400_000);
      harness.clock.set(new Date(now));
      const today = dayOf(now);
      const pick = next();
      const open = await harness.deps.db.invoice.findMany({
        where: { accountId: account.id, kind: "INVOICE", amountDue: { gt: 0 } },
        select: { id: true, amountDue: true, state: true },
      });
      const owed = await harness.deps.db.invoice.findMany({
        where: { accountId: account.id, kind: "CREDIT", refundDue: { gt: 0 } },
        select: { id: true, refundDue: true },
      });
      const any = <T>(items: T[]) => items[Math.floor(next() * items.length)];
      if (pick < 0.35 || invoices.length === 0) {
        const grossCents = cents(50_000);
        const issued = await issue(account.id, amount(grossCents));
        invoices.push({ id: issued.id, grossCents, creditedCents: 0 });
      } else if (pick < 0.6 && open.length > 0) {
        const invoice = any(open);
        if (!invoice) continue;
        const dueCents = Math.round(invoice.amountDue.toNumber() * 100);
        // On a day up to three days back: a transfer seen late.
        const receivedOn = dayOf(now - Math.floor(next() * 4) * 86_400_000);
        await pay(invoice.id, amount(Math.min(dueCents, cents(dueCents))), receivedOn <= today ? receivedOn : today);
      } else if (pick < 0.8) {
        const creditable = invoices.filter((invoice) => invoice.creditedCents < invoice.grossCents);
        const invoice = any(creditable);
        if (!invoice) continue;
        const state = await harness.deps.db.invoice.findUniqueOrThrow({
          where: { id: invoice.id },
          select: { state: true },
        });
        if (state.state === "VOID") continue;
        const creditCents = cents(invoice.grossCents - invoice.creditedCents);
        await issue(account.id, `-${amount(creditCents)}`, invoice.id);
        invoice.creditedCents += creditCents;
      } else if (pick < 0.92 && owed.length > 0) {
        const credit = any(owed);
        if (!credit) continue;
        const dueCents = Math.round(credit.refundDue.toNumber() * 100);
        await refund(credit.id, amount(cents(dueCents)), today);
      } else {
        const untouched = open.filter((invoice) => invoice.state === "OPEN");
        const invoice = any(untouched);
        if (invoice) await staff.bss.invoice.void({ id: invoice.id, reason: `Random void ${step}` });
      }
    }
    const first = "2026-03-31";
    const last = dayOf(now);
    const statement = (from: string, to: string) => staff.bss.account.statement({ accountId: account.id, from, to });
    const sum = (values: string[]) => values.reduce((total, value) => total + Math.round(Number(value) * 100), 0);

    const whole = await statement(first, last);
    expect(whole.openingBalance).toBe("0.00");
    expect(whole.lines.length).toBeGreaterThan(50);
    expect(new Set(whole.lines.map((line) => line.kind))).toEqual(
      new Set(["invoice", "credit-note", "void", "payment", "refund"]),
    );
    const [balance] = await staff.bss.account.balance({ id: account.id });
    expect(whole.closingBalance).toBe(balance?.balance);
    // Every payment is allocated, so the balance is what the open documents still say.
    expect(sum([balance?.amountDue ?? "0"]) - sum([balance?.refundDue ?? "0"])).toBe(sum([balance?.balance ?? "0"]));

    const days: string[] = [];
    for (let day = first; day <= last; day = nextDay(day)) days.push(day);
    for (let round = 0; round < 12; round += 1) {
      const [a, b] = [Math.floor(next() * days.length), Math.floor(next() * days.length)].sort((x, y) => x - y);
      const from = days[a ?? 0] ?? first;
      const to = days[b ?? 0] ?? last;
      const period = await statement(from, to);
      expect(sum([period.openingBalance, ...period.lines.map((line) => line.amount)])).toBe(
        sum([period.closingBalance]),
      );
      let running = sum([period.openingBalance]);
      for (const line of period.lines) {
        running += sum([line.amount]);
        expect(sum([line.balance])).toBe(running);
        expect(line.date >= from && line.date <= to).toBe(true);
      }
      if (to < last) expect((await statement(nextDay(to), last)).openingBalance).toBe(period.closingBalance);
    }

    const documents = await harness.deps.db.invoice.findMany({
      where: { accountId: account.id },
      select: { id: true, kind: true, gross: true, state: true, amountDue: true, refundDue: true },
    });
    for (const document of documents) {
      const derived = settlementOf(await factsOf(harness.deps.db, document));
      expect([document.state, document.amountDue.toFixed(2), document.refundDue.toFixed(2)]).toEqual([
        derived.state,
        derived.amountDue,
        derived.refundDue,
      ]);
    }
  });
});
