import type { Prisma } from "@cm/db";
import { actorOf, type StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { RecordPaymentInput, RecordRefundInput } from "../schemas/billing.ts";
import { dayText } from "../shared/business-time.ts";
import { formatMoney, Money } from "../shared/money.ts";
import { dayIn, dayToDate, distributorTimeZone } from "./calendar-days.ts";
import { invoiceDetailWithin, type InvoiceDetailDto } from "./invoice-detail.ts";
import { factsOf, lockDistributorDocument, refreshSettlement } from "./settle.ts";
import { settlementOf } from "./settlement.ts";

/**
 * Staff record money received for an invoice (a part of what is due, or all
 * of it): a payment allocated to that invoice, whose state and amount due
 * follow. Refused, changing nothing, for a credit note, a void or settled
 * invoice, more than is due, or a date after today.
 */
export async function recordPayment(
  deps: DomainDeps,
  staff: StaffCaller,
  input: RecordPaymentInput,
): Promise<InvoiceDetailDto> {
  await assertNotInFuture(deps, input.receivedOn, "receivedOn", "The payment date");
  return deps.db.$transaction(async (tx) => {
    const invoice = await lockDistributorDocument(tx, input.invoiceId);
    if (invoice.kind !== "INVOICE")
      throw new DomainError(
        "PRECONDITION_FAILED",
        `${invoice.number} is a credit note: payments settle invoices (a credit note's refund is recorded with "Mark refunded")`,
      );
    if (invoice.state === "VOID")
      throw new DomainError("PRECONDITION_FAILED", `Invoice ${invoice.number} is void: nothing is owed on it`);
    const due = new Money(settlementOf(await factsOf(tx, invoice)).amountDue);
    if (due.isZero())
      throw new DomainError("PRECONDITION_FAILED", `Nothing is due on invoice ${invoice.number}: it is settled`);
    if (new Money(input.amount).gt(due))
      throw new DomainError(
        "INVALID",
        `At most ${formatMoney(due, invoice.currency)} is due on invoice ${invoice.number}`,
        "amount",
      );
    const now = deps.clock.now();
    const payment = await tx.payment.create({
      data: {
        accountId: invoice.accountId,
        currency: invoice.currency,
        amount: input.amount,
        receivedOn: dayToDate(input.receivedOn),
        method: input.method,
        reference: input.reference,
        recordedBy: actorOf(staff),
        createdAt: now,
        allocations: { create: { invoiceId: invoice.id, amount: input.amount, createdAt: now } },
      },
      select: { id: true },
    });
    await refreshSettlement(tx, invoice);
    await recordEvent(tx, invoice.id, now, actorOf(staff), "payment-recorded", {
      payment: payment.id,
      amount: new Money(input.amount).toFixed(2),
      on: dayText(dayToDate(input.receivedOn), "UTC"),
      method: input.method,
      reference: input.reference,
    });
    return invoiceDetailWithin(tx, {}, invoice.id);
  });
}

/**
 * Staff record money paid back for a credit note whose refund is due ("Mark
 * refunded"): all of what is due, or a part. A credit note that was applied to
 * an unpaid invoice has nothing to refund, so this is refused for it.
 */
export async function recordRefund(
  deps: DomainDeps,
  staff: StaffCaller,
  input: RecordRefundInput,
): Promise<InvoiceDetailDto> {
  await assertNotInFuture(deps, input.refundedOn, "refundedOn", "The refund date");
  return deps.db.$transaction(async (tx) => {
    const creditNote = await lockDistributorDocument(tx, input.creditNoteId);
    if (creditNote.kind !== "CREDIT")
      throw new DomainError(
        "PRECONDITION_FAILED",
        `${creditNote.number} is an invoice: refunds are paid for credit notes (an invoice's payment is recorded with "Record payment")`,
      );
    const due = new Money(settlementOf(await factsOf(tx, creditNote)).refundDue);
    if (due.isZero()) {
      const why =
        creditNote.state === "REFUNDED"
          ? "it is refunded already"
          : "it was applied to an invoice that had not been paid, so no money is owed back";
      throw new DomainError(
        "PRECONDITION_FAILED",
        `Nothing is due to refund on credit note ${creditNote.number}: ${why}`,
      );
    }
    if (new Money(input.amount).gt(due))
      throw new DomainError(
        "INVALID",
        `At most ${formatMoney(due, creditNote.currency)} is due to refund on credit note ${creditNote.number}`,
        "amount",
      );
    const now = deps.clock.now();
    const refund = await tx.refund.create({
      data: {
        creditNoteId: creditNote.id,
        accountId: creditNote.accountId,
        currency: creditNote.currency,
        amount: input.amount,
        refundedOn: dayToDate(input.refundedOn),
        method: input.method,
        reference: input.reference,
        recordedBy: actorOf(staff),
        createdAt: now,
      },
      select: { id: true },
    });
    await refreshSettlement(tx, creditNote);
    await recordEvent(tx, creditNote.id, now, actorOf(staff), "refund-recorded", {
      refund: refund.id,
      amount: new Money(input.amount).toFixed(2),
      on: dayText(dayToDate(input.refundedOn), "UTC"),
      method: input.method,
      reference: input.reference,
    });
    return invoiceDetailWithin(tx, {}, creditNote.id);
  });
}

/** Money can't have arrived (or left) after today, as the distributor's calendar has it. */
async function assertNotInFuture(deps: DomainDeps, day: string, field: string, label: string): Promise<void> {
  const today = dayIn(deps.clock.now(), await distributorTimeZone(deps.db));
  if (day > today)
    throw new DomainError("INVALID", `${label} can't be after today (${dayText(dayToDate(today), "UTC")})`, field);
}

export async function recordEvent(
  tx: Prisma.TransactionClient,
  invoiceId: string,
  at: Date,
  actor: string,
  kind: string,
  detail: Prisma.InputJsonObject,
): Promise<void> {
  await tx.invoiceEvent.create({ data: { invoiceId, at, actor, kind, detail } });
}
