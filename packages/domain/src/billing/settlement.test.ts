import { describe, expect, it } from "vitest";
import { creditApplication, settlementOf, type CreditNoteFacts, type InvoiceFacts } from "./settlement.ts";

const invoice = (facts: Partial<InvoiceFacts>): InvoiceFacts => ({
  kind: "INVOICE",
  gross: "100.00",
  voided: false,
  paid: "0",
  creditsApplied: "0",
  credited: "0",
  ...facts,
});
const creditNote = (facts: Partial<CreditNoteFacts>): CreditNoteFacts => ({
  kind: "CREDIT",
  gross: "-100.00",
  voided: false,
  applied: "0",
  refunded: "0",
  ...facts,
});

describe("an invoice's state follows from what was applied to it", () => {
  it.each([
    ["nothing yet", invoice({}), "OPEN", "100.00"],
    ["paid in part", invoice({ paid: "30.00" }), "PARTIALLY_PAID", "70.00"],
    ["paid in two parts", invoice({ paid: "100.00" }), "PAID", "0.00"],
    ["credited in full, never paid", invoice({ creditsApplied: "100.00", credited: "100.00" }), "CREDITED", "0.00"],
    [
      "one of two assets credited",
      invoice({ creditsApplied: "40.00", credited: "40.00" }),
      "PARTIALLY_CREDITED",
      "60.00",
    ],
    [
      "credited in part, the rest paid",
      invoice({ creditsApplied: "40.00", credited: "40.00", paid: "60.00" }),
      "PAID",
      "0.00",
    ],
    ["paid, then credited in full (refund due)", invoice({ paid: "100.00", credited: "100.00" }), "CREDITED", "0.00"],
    [
      "paid in part, then credited in full",
      invoice({ paid: "30.00", creditsApplied: "70.00", credited: "100.00" }),
      "CREDITED",
      "0.00",
    ],
    [
      "paid in part and credited in part",
      invoice({ paid: "10.00", creditsApplied: "40.00", credited: "40.00" }),
      "PARTIALLY_PAID",
      "50.00",
    ],
    ["void", invoice({ voided: true }), "VOID", "0.00"],
    ["a zero invoice has nothing to pay", invoice({ gross: "0.00" }), "PAID", "0.00"],
    ["never negative", invoice({ paid: "100.00", creditsApplied: "0.01", credited: "0.01" }), "PAID", "0.00"],
    [
      "cents are exact",
      invoice({ gross: "166.52", paid: "0.10", creditsApplied: "0.20", credited: "0.20" }),
      "PARTIALLY_PAID",
      "166.22",
    ],
  ] as const)("%s: %s", (_name, facts, state, amountDue) => {
    expect(settlementOf(facts)).toEqual({ state, amountDue, refundDue: "0.00" });
  });
});

describe("a credit note's state follows from where it was applied and what was paid back", () => {
  it.each([
    ["applied against an unpaid invoice", creditNote({ applied: "100.00" }), "APPLIED", "0.00"],
    ["for a paid invoice: all of it due back", creditNote({}), "REFUND_DUE", "100.00"],
    ["for a partly paid invoice: the paid part due back", creditNote({ applied: "70.00" }), "REFUND_DUE", "30.00"],
    ["refunded in full", creditNote({ refunded: "100.00" }), "REFUNDED", "0.00"],
    ["applied in part, the rest refunded", creditNote({ applied: "70.00", refunded: "30.00" }), "REFUNDED", "0.00"],
    ["refunded in part", creditNote({ refunded: "40.00" }), "REFUND_DUE", "60.00"],
    ["void (from before credit notes could not be voided)", creditNote({ voided: true }), "VOID", "0.00"],
  ] as const)("%s", (_name, facts, state, refundDue) => {
    expect(settlementOf(facts)).toEqual({ state, amountDue: "0.00", refundDue });
  });
});

describe("applying a new credit note", () => {
  it.each([
    ["an unpaid invoice takes all of it", "100.00", "100.00", "100.00", "0.00"],
    ["a paid invoice takes none: all of it is due back", "0.00", "100.00", "0.00", "100.00"],
    ["a partly paid invoice takes what it still owes", "70.00", "100.00", "70.00", "30.00"],
    ["a smaller credit than what is owed is applied in full", "100.00", "29.76", "29.76", "0.00"],
  ])("%s", (_name, due, amount, applied, refundDue) => {
    expect(creditApplication(due, amount)).toEqual({ applied, refundDue });
  });
});
