import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../src/errors.ts";
import { createOrderingWorld, fillBasket, settle, type OrderingWorld } from "./ordering-harness.ts";

// Credits that settle, payments and refunds (issue 18): what each document's
// state and open amount become, and what is refused (changing nothing).

let world: OrderingWorld;
beforeAll(async () => {
  world = await createOrderingWorld();
  // A domestic sale (the distributor is in Greece): 24 % Greek VAT, as the amounts below count it.
  await world.harness.deps.db.account.update({ where: { id: world.contoso.id }, data: { billingCountry: "GR" } });
});
afterAll(() => world.close());

const TODAY = "2026-03-02";

async function refused(promise: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause;
    const field =
      cause instanceof DomainError
        ? cause.field
        : (cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues?.[0]?.path.map(String).join(".");
    return { code: error.code, message: error.message, field };
  }
  throw new Error("expected a refusal");
}

/** A Storefront order of Anna's with `quantity` licenses (12.35 + 24 % each); its invoice and asset. */
async function buy(quantity: number) {
  const basket = await fillBasket(world, { quantity, assetName: `Settle ${randomUUID().slice(0, 6)}` });
  const { orderId } = await world.anna.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  await settle(world);
  const order = await world.anna.storefront.order.get({ id: orderId });
  const invoice = order.invoices.find((candidate) => candidate.kind === "INVOICE");
  const asset = order.assets[0];
  if (!invoice || !asset) throw new Error("no invoice or asset");
  return { order, invoiceId: invoice.id, assetId: asset.id };
}

/** A BSS order for Contoso with one asset per quantity given, on one invoice. */
async function buyInBss(quantities: number[]) {
  const draft = await world.staff.bss.order.create({
    accountId: world.contoso.id,
    lines: quantities.map((quantity) => ({ productId: world.mailboxProductId, quantity })),
  });
  await world.staff.bss.order.execute({ id: draft.id });
  await settle(world);
  const order = await world.staff.bss.order.get({ id: draft.id });
  const invoice = order.invoices.find((candidate) => candidate.kind === "INVOICE");
  if (!invoice) throw new Error("no invoice");
  return { order, invoiceId: invoice.id, assetIds: order.assets.map((asset) => asset.id) };
}

const pay = (invoiceId: string, amount: string, extra: { receivedOn?: string; reference?: string } = {}) =>
  world.staff.bss.invoice.recordPayment({
    invoiceId,
    amount,
    receivedOn: extra.receivedOn ?? TODAY,
    method: "BANK_TRANSFER",
    reference: extra.reference ?? null,
  });

const creditOf = async (assetId: string) => {
  const cancelled = await world.staff.bss.asset.cancel({ id: assetId });
  if (!cancelled.creditInvoice) throw new Error("no credit note");
  return world.staff.bss.invoice.get({ id: cancelled.creditInvoice.id });
};

describe("a credit note is applied to the invoice it credits", () => {
  it("settles a never-paid invoice credited in full: Credited with nothing due, the credit Applied with nothing to refund", async () => {
    const { invoiceId, assetId } = await buy(2);
    const before = await world.staff.bss.invoice.get({ id: invoiceId });
    expect(before).toMatchObject({ state: "OPEN", gross: "30.63", amountDue: "30.63" });

    const credit = await creditOf(assetId);
    expect(credit).toMatchObject({ state: "APPLIED", gross: "-30.63", refundDue: "0.00" });
    expect(credit.applications).toMatchObject([{ document: { id: invoiceId }, amount: "30.63" }]);
    const invoice = await world.anna.storefront.invoice.get({ id: invoiceId });
    expect(invoice).toMatchObject({
      state: "CREDITED",
      amountDue: "0.00",
      settled: { paid: "0.00", credited: "30.63" },
    });
    expect(invoice.applications).toMatchObject([
      { document: { id: credit.id, number: credit.number }, amount: "30.63" },
    ]);

    // Nothing is owed either way: no payment, no refund.
    expect(await refused(pay(invoiceId, "1.00"))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `Nothing is due on invoice ${invoice.number}: it is settled`,
    });
    expect(
      await refused(
        world.staff.bss.invoice.recordRefund({
          creditNoteId: credit.id,
          amount: "30.63",
          refundedOn: TODAY,
          method: "BANK_TRANSFER",
          reference: null,
        }),
      ),
    ).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/had not been paid/) });
    expect(await world.harness.deps.db.refund.count({ where: { creditNoteId: credit.id } })).toBe(0);
    const listed = await world.staff.bss.invoice.list({ state: "CREDITED", search: invoice.number });
    expect(listed.items.map((item) => item.id)).toEqual([invoiceId]);
  });

  it("leaves the refund due for a paid invoice until staff mark it refunded", async () => {
    const { invoiceId, assetId } = await buy(1);
    const paid = await pay(invoiceId, "15.31", { reference: "SEPA-1" });
    expect(paid).toMatchObject({ state: "PAID", amountDue: "0.00" });

    const credit = await creditOf(assetId);
    expect(credit).toMatchObject({ state: "REFUND_DUE", refundDue: "15.31", applications: [] });
    expect(await world.staff.bss.invoice.get({ id: invoiceId })).toMatchObject({
      state: "CREDITED",
      amountDue: "0.00",
    });
    const dueList = await world.staff.bss.invoice.list({ state: "REFUND_DUE", accountId: world.contoso.id });
    expect(dueList.items.map((item) => item.id)).toContain(credit.id);

    const tooMuch = await refused(
      world.staff.bss.invoice.recordRefund({
        creditNoteId: credit.id,
        amount: "15.32",
        refundedOn: TODAY,
        method: "BANK_TRANSFER",
        reference: null,
      }),
    );
    expect(tooMuch).toMatchObject({ code: "BAD_REQUEST", field: "amount" });
    expect(tooMuch.message).toMatch(/At most €15\.31 is due to refund/);

    const refunded = await world.staff.bss.invoice.recordRefund({
      creditNoteId: credit.id,
      amount: "15.31",
      refundedOn: TODAY,
      method: "BANK_TRANSFER",
      reference: "Refund 77",
    });
    expect(refunded).toMatchObject({ state: "REFUNDED", refundDue: "0.00", settled: { refunded: "15.31" } });
    expect(refunded.refunds).toMatchObject([
      { on: TODAY, amount: "15.31", method: "BANK_TRANSFER", reference: "Refund 77" },
    ]);
    expect(refunded.history.map((entry) => entry.text)).toContain(
      "Refund of €15.31 paid on 02 Mar 2026 recorded (Bank transfer, ref Refund 77)",
    );
    expect(refunded.history.at(-1)?.actor).toBe("staff:Ada Admin");
  });

  it("applies a credit to what a partly paid invoice still owes, and leaves the paid part to refund", async () => {
    const { invoiceId, assetId } = await buy(2);
    expect(await pay(invoiceId, "10.00")).toMatchObject({ state: "PARTIALLY_PAID", amountDue: "20.63" });
    const credit = await creditOf(assetId);
    expect(credit).toMatchObject({ state: "REFUND_DUE", refundDue: "10.00" });
    expect(credit.applications).toMatchObject([{ amount: "20.63" }]);
    expect(await world.staff.bss.invoice.get({ id: invoiceId })).toMatchObject({
      state: "CREDITED",
      amountDue: "0.00",
      settled: { paid: "10.00", credited: "20.63" },
    });
  });

  it("credits one of two assets: Partially credited, then paid for the rest", async () => {
    const { invoiceId, assetIds } = await buyInBss([1, 3]);
    const [first] = assetIds;
    if (!first) throw new Error("no asset");
    const credit = await creditOf(first);
    expect(credit).toMatchObject({ state: "APPLIED", gross: "-15.31" });
    const invoice = await world.staff.bss.invoice.get({ id: invoiceId });
    expect(invoice).toMatchObject({ state: "PARTIALLY_CREDITED", gross: "61.25", amountDue: "45.94" });
    expect(await pay(invoiceId, "45.94")).toMatchObject({ state: "PAID", amountDue: "0.00" });
  });
});

describe("payments", () => {
  it("can be partial: Partially paid, then Paid; more than is due, a date after today or a credit note are refused, changing nothing", async () => {
    const { invoiceId } = await buy(3);
    const first = await pay(invoiceId, "20.00", { receivedOn: "2026-02-27" });
    expect(first).toMatchObject({ state: "PARTIALLY_PAID", amountDue: "25.94", settled: { paid: "20.00" } });

    const over = await refused(pay(invoiceId, "25.95"));
    expect(over).toMatchObject({
      code: "BAD_REQUEST",
      field: "amount",
      message: expect.stringMatching(/At most €25\.94 is due/),
    });
    const future = await refused(pay(invoiceId, "1.00", { receivedOn: "2026-03-03" }));
    expect(future).toMatchObject({ code: "BAD_REQUEST", field: "receivedOn" });
    expect(future.message).toBe("The payment date can't be after today (02 Mar 2026)");
    expect(await refused(pay(invoiceId, "0"))).toMatchObject({ code: "BAD_REQUEST", field: "amount" });
    expect(await refused(pay(invoiceId, "1.005"))).toMatchObject({ code: "BAD_REQUEST", field: "amount" });
    expect(await refused(pay(invoiceId, "1.00", { receivedOn: "2026-02-30" }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "receivedOn",
    });
    expect(await world.harness.deps.db.paymentAllocation.count({ where: { invoiceId } })).toBe(1);

    const second = await pay(invoiceId, "25.94", { receivedOn: TODAY, reference: "Rest" });
    expect(second).toMatchObject({ state: "PAID", amountDue: "0.00", settled: { paid: "45.94" } });
    expect(second.payments.map((payment) => [payment.on, payment.amount])).toEqual([
      ["2026-02-27", "20.00"],
      [TODAY, "25.94"],
    ]);
    expect(second.history.map((entry) => entry.kind)).toEqual(["payment-recorded", "payment-recorded"]);
    expect((await world.anna.storefront.invoice.get({ id: invoiceId })).state).toBe("PAID");
  });

  it("is recorded once for one submission sent twice (idempotency key)", async () => {
    const { invoiceId } = await buy(1);
    const idempotencyKey = randomUUID();
    const input = {
      invoiceId,
      amount: "5.00",
      receivedOn: TODAY,
      method: "CASH" as const,
      reference: null,
      idempotencyKey,
    };
    const [a, b] = await Promise.all([
      world.staff.bss.invoice.recordPayment(input),
      world.staff.bss.invoice.recordPayment(input),
    ]);
    expect([a.amountDue, b.amountDue]).toEqual(["10.31", "10.31"]);
    expect(await world.harness.deps.db.paymentAllocation.count({ where: { invoiceId } })).toBe(1);
  });

  it("is refused for a credit note and for a void invoice", async () => {
    const { invoiceId, assetId } = await buy(1);
    const credit = await creditOf(assetId);
    expect(await refused(pay(credit.id, "1.00"))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/is a credit note/),
    });
    const other = await buy(1);
    await world.staff.bss.invoice.void({ id: other.invoiceId, reason: "Duplicate order" });
    expect(await refused(pay(other.invoiceId, "1.00"))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/is void/),
    });
    expect((await world.staff.bss.invoice.get({ id: invoiceId })).state).toBe("CREDITED");
  });
});

describe("voiding", () => {
  it("needs a reason, keeps it in the audit trail, and leaves nothing due", async () => {
    const { invoiceId, assetId } = await buy(1);
    for (const reason of ["", "   "]) {
      expect(await refused(world.staff.bss.invoice.void({ id: invoiceId, reason }))).toMatchObject({
        code: "BAD_REQUEST",
        field: "reason",
        message: expect.stringMatching(/Reason is required/),
      });
    }
    expect((await world.staff.bss.invoice.get({ id: invoiceId })).state).toBe("OPEN");
    const voided = await world.staff.bss.invoice.void({ id: invoiceId, reason: "Ordered by mistake" });
    expect(voided).toMatchObject({ state: "VOID", amountDue: "0.00", voidReason: "Ordered by mistake" });
    expect(voided.voidedAt).toEqual(world.harness.clock.now());
    expect(voided.history).toMatchObject([
      { kind: "voided", actor: "staff:Ada Admin", text: "Voided: Ordered by mistake" },
    ]);
    // A void invoice cannot be credited.
    const cancel = await refused(world.staff.bss.asset.cancel({ id: assetId }));
    expect(cancel).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/is void/) });
    expect(await world.harness.deps.db.invoice.count({ where: { creditForId: invoiceId } })).toBe(0);
  });

  it("is refused for a credited invoice, an applied credit note, and a paid or partly paid invoice", async () => {
    const credited = await buyInBss([1, 2]);
    const [asset] = credited.assetIds;
    if (!asset) throw new Error("no asset");
    const credit = await creditOf(asset);
    const voidCredited = await refused(world.staff.bss.invoice.void({ id: credited.invoiceId, reason: "x" }));
    expect(voidCredited).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(voidCredited.message).toBe(
      `Invoice ${(await world.staff.bss.invoice.get({ id: credited.invoiceId })).number} is credited by ${credit.number}: a credited invoice can't be voided`,
    );
    const voidCredit = await refused(world.staff.bss.invoice.void({ id: credit.id, reason: "x" }));
    expect(voidCredit.message).toMatch(
      /is applied to invoice INV-\d{6}: a credit note that is applied cannot be voided/,
    );

    const partly = await buy(1);
    await pay(partly.invoiceId, "1.00");
    const voidPartly = await refused(world.staff.bss.invoice.void({ id: partly.invoiceId, reason: "x" }));
    expect(voidPartly).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/has €1\.00 paid: a paid invoice can't be voided/),
    });
    await pay(partly.invoiceId, "14.31");
    expect(await refused(world.staff.bss.invoice.void({ id: partly.invoiceId, reason: "x" }))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const states = await world.harness.deps.db.invoice.findMany({
      where: { id: { in: [credited.invoiceId, credit.id, partly.invoiceId] } },
      select: { id: true, state: true, voidReason: true },
    });
    expect(Object.fromEntries(states.map((row) => [row.id, [row.state, row.voidReason]]))).toEqual({
      [credited.invoiceId]: ["PARTIALLY_CREDITED", null],
      [credit.id]: ["APPLIED", null],
      [partly.invoiceId]: ["PAID", null],
    });
  });

  it("needs the billing permission, like recording payments and refunds", async () => {
    const { invoiceId } = await buy(1);
    const { addSalesUser } = await import("./harness.ts");
    await addSalesUser(world.harness, "sally@distributor.test");
    const sales = await world.harness.staff("sally@distributor.test");
    for (const attempt of [
      sales.bss.invoice.void({ id: invoiceId, reason: "x" }),
      sales.bss.invoice.recordPayment({ invoiceId, amount: "1", receivedOn: TODAY, method: "CASH", reference: null }),
      sales.bss.invoice.recordRefund({
        creditNoteId: invoiceId,
        amount: "1",
        refundedOn: TODAY,
        method: "CASH",
        reference: null,
      }),
    ])
      expect((await refused(attempt)).code).toBe("FORBIDDEN");
    expect((await sales.bss.invoice.get({ id: invoiceId })).state).toBe("OPEN");
  });
});
