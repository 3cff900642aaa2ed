import { actorOf, type StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { formatMoney, Money } from "../shared/money.ts";
import { invoiceDetailWithin, type InvoiceDetailDto } from "./invoice-detail.ts";
import { recordEvent } from "./record-payment.ts";
import { factsOf, lockDistributorDocument } from "./settle.ts";
import type { InvoiceFacts } from "./settlement.ts";

/**
 * Staff void an invoice issued in error, giving the reason (kept on the
 * invoice and in its audit trail). Only an open invoice can be voided: one
 * with a payment needs a credit (and a refund of what was paid), one that is
 * credited is settled by its credit notes, and a credit note is never voided
 * (it would bill again what was cancelled). Voiding a void invoice changes nothing.
 */
export async function voidInvoice(
  deps: DomainDeps,
  staff: StaffCaller,
  input: { id: string; reason: string },
): Promise<InvoiceDetailDto> {
  const reason = input.reason.trim();
  if (reason === "") throw new DomainError("INVALID", "Reason is required", "reason");
  return deps.db.$transaction(async (tx) => {
    const invoice = await lockDistributorDocument(tx, input.id);
    if (invoice.kind === "CREDIT") {
      const applied = await tx.creditAllocation.findFirst({
        where: { creditNoteId: invoice.id },
        select: { invoice: { select: { number: true } } },
      });
      throw new DomainError(
        "PRECONDITION_FAILED",
        applied
          ? `Credit note ${invoice.number} is applied to invoice ${applied.invoice.number}: a credit note that is applied cannot be voided`
          : `Credit note ${invoice.number} cannot be voided: it credits a cancellation that happened; mark it refunded when the refund is paid out`,
      );
    }
    if (invoice.state === "VOID") return invoiceDetailWithin(tx, {}, invoice.id);
    const facts = (await factsOf(tx, invoice)) as InvoiceFacts;
    if (new Money(facts.paid).gt(0))
      throw new DomainError(
        "PRECONDITION_FAILED",
        `Invoice ${invoice.number} has ${formatMoney(facts.paid, invoice.currency)} paid: a paid invoice can't be voided. Credit it instead (cancel what it sold) and refund what was paid`,
      );
    if (new Money(facts.credited).gt(0)) {
      const credits = await tx.invoice.findMany({
        where: { creditForId: invoice.id, kind: "CREDIT" },
        select: { number: true },
        orderBy: { issuedAt: "asc" },
      });
      throw new DomainError(
        "PRECONDITION_FAILED",
        `Invoice ${invoice.number} is credited by ${credits.map((credit) => credit.number).join(", ")}: a credited invoice can't be voided`,
      );
    }
    const now = deps.clock.now();
    await tx.invoice.update({
      where: { id: invoice.id },
      data: { state: "VOID", amountDue: "0", voidedAt: now, voidReason: reason },
    });
    await recordEvent(tx, invoice.id, now, actorOf(staff), "voided", {
      reason,
      amount: invoice.gross.toFixed(2),
    });
    return invoiceDetailWithin(tx, {}, invoice.id);
  });
}
