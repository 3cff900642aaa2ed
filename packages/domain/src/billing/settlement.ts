import type { InvoiceState } from "@cm/db";
import { Money, type Amount } from "../shared/money.ts";

// Where a document stands follows from what was applied to it, never from a
// status someone set: an invoice from the payments allocated to it and the
// credit notes applied to it, a credit note from where it was applied and what
// was paid back. This is the one place that decides it; the result is stored
// on the document (state, amountDue, refundDue) for lists and filters, in the
// transaction that changes what was applied. The settlement migration
// computes the same in SQL for the documents that existed before.

/** What settles an invoice. Amounts are positive decimal strings. */
export interface InvoiceFacts {
  kind: "INVOICE";
  gross: Amount;
  voided: boolean;
  /** The payments allocated to it. */
  paid: Amount;
  /** The credit notes applied to it (the part of them that met what was still owed). */
  creditsApplied: Amount;
  /** Everything credited for it, applied or (for what had been paid) refund due. */
  credited: Amount;
}

/** What settles a credit note; its gross is negative, the other amounts positive. */
export interface CreditNoteFacts {
  kind: "CREDIT";
  gross: Amount;
  voided: boolean;
  /** The part applied to the invoice it credits. */
  applied: Amount;
  /** Paid back to the customer. */
  refunded: Amount;
}

export interface Settlement {
  state: InvoiceState;
  /** An invoice: what the customer still owes. */
  amountDue: Amount;
  /** A credit note: what is still to be paid back. */
  refundDue: Amount;
}

const ZERO = new Money(0);

export function settlementOf(facts: InvoiceFacts | CreditNoteFacts): Settlement {
  if (facts.kind === "CREDIT") return creditNoteSettlement(facts);
  if (facts.voided) return { state: "VOID", amountDue: "0.00", refundDue: "0.00" };
  const gross = new Money(facts.gross);
  const paid = new Money(facts.paid);
  const applied = new Money(facts.creditsApplied);
  const credited = new Money(facts.credited);
  const due = Money.max(ZERO, gross.minus(paid).minus(applied));
  const amountDue = due.toFixed(2);
  if (due.isZero()) {
    // Fully credited, whether it had been paid (the credit is then refund due) or not.
    const state = credited.gt(0) && credited.gte(gross) ? "CREDITED" : "PAID";
    return { state, amountDue, refundDue: "0.00" };
  }
  if (paid.gt(0)) return { state: "PARTIALLY_PAID", amountDue, refundDue: "0.00" };
  if (applied.gt(0)) return { state: "PARTIALLY_CREDITED", amountDue, refundDue: "0.00" };
  return { state: "OPEN", amountDue, refundDue: "0.00" };
}

function creditNoteSettlement(facts: CreditNoteFacts): Settlement {
  if (facts.voided) return { state: "VOID", amountDue: "0.00", refundDue: "0.00" };
  const refunded = new Money(facts.refunded);
  const due = Money.max(ZERO, new Money(facts.gross).abs().minus(facts.applied).minus(refunded));
  const refundDue = due.toFixed(2);
  if (due.gt(0)) return { state: "REFUND_DUE", amountDue: "0.00", refundDue };
  return { state: refunded.gt(0) ? "REFUNDED" : "APPLIED", amountDue: "0.00", refundDue };
}

/**
 * How much of a new credit note (its amount, positive) is applied to the invoice
 * it credits: what that invoice still owes, at most; the rest, the part that had
 * been paid, is due back to the customer.
 */
export function creditApplication(invoiceDue: Amount, creditAmount: Amount): { applied: Amount; refundDue: Amount } {
  const amount = new Money(creditAmount);
  const applied = Money.min(amount, Money.max(ZERO, new Money(invoiceDue)));
  return { applied: applied.toFixed(2), refundDue: amount.minus(applied).toFixed(2) };
}
