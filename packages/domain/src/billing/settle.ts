import type { InvoiceKind, InvoiceState, Prisma } from "@cm/db";
import { DomainError, notFound } from "../errors.ts";
import { Money } from "../shared/money.ts";
import {
  creditApplication,
  settlementOf,
  type CreditNoteFacts,
  type InvoiceFacts,
  type Settlement,
} from "./settlement.ts";

type Tx = Prisma.TransactionClient;

const lockedSelect = {
  id: true,
  kind: true,
  number: true,
  state: true,
  accountId: true,
  currency: true,
  gross: true,
  amountDue: true,
  refundDue: true,
  issuedAt: true,
} satisfies Prisma.InvoiceSelect;
export type LockedDocument = Prisma.InvoiceGetPayload<{ select: typeof lockedSelect }>;

/**
 * Locks an invoice or credit note for the rest of the transaction: whatever
 * settles it (a payment, a credit, a refund, a void) takes this lock first, so
 * two of them never decide on the same stale amounts. Taken before a document
 * number is, never after (the counter lock stays short).
 */
export async function lockDocument(tx: Tx, id: string): Promise<LockedDocument> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Invoice" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound("The invoice");
  return tx.invoice.findUniqueOrThrow({ where: { id }, select: lockedSelect });
}

/**
 * lockDocument for what staff do to a document (payment, refund, void): only
 * to the distributor's own. A reseller's invoice to its end-customer is the
 * reseller's side of a two-tier order, which staff only read.
 */
export async function lockDistributorDocument(tx: Tx, id: string): Promise<LockedDocument> {
  const document = await lockDocument(tx, id);
  const issuer = await tx.account.findFirst({
    where: { issuedInvoices: { some: { id } } },
    select: { kind: true, companyName: true },
  });
  if (issuer?.kind !== "DISTRIBUTOR")
    throw new DomainError(
      "PRECONDITION_FAILED",
      `${document.number} was issued by ${issuer?.companyName ?? "a reseller"} to its own customer: it is shown here read-only, without payments, refunds or voids`,
    );
  return document;
}

const sum = (value: Prisma.Decimal | null) => (value ?? new Money(0)).toFixed(2);

/** What has been applied to the document so far, read from its allocation rows. */
export async function factsOf(
  tx: Pick<Tx, "creditAllocation" | "refund" | "paymentAllocation" | "invoice">,
  document: { id: string; kind: InvoiceKind; gross: Prisma.Decimal; state: InvoiceState },
): Promise<InvoiceFacts | CreditNoteFacts> {
  const voided = document.state === "VOID";
  if (document.kind === "CREDIT") {
    const applied = await tx.creditAllocation.aggregate({
      where: { creditNoteId: document.id },
      _sum: { amount: true },
    });
    const refunded = await tx.refund.aggregate({ where: { creditNoteId: document.id }, _sum: { amount: true } });
    return {
      kind: "CREDIT",
      gross: document.gross.toFixed(2),
      voided,
      applied: sum(applied._sum.amount),
      refunded: sum(refunded._sum.amount),
    };
  }
  const paid = await tx.paymentAllocation.aggregate({ where: { invoiceId: document.id }, _sum: { amount: true } });
  const applied = await tx.creditAllocation.aggregate({ where: { invoiceId: document.id }, _sum: { amount: true } });
  const credited = await tx.invoice.aggregate({
    where: { creditForId: document.id, kind: "CREDIT", state: { not: "VOID" } },
    _sum: { gross: true },
  });
  return {
    kind: "INVOICE",
    gross: document.gross.toFixed(2),
    voided,
    paid: sum(paid._sum.amount),
    creditsApplied: sum(applied._sum.amount),
    credited: new Money(sum(credited._sum.gross)).abs().toFixed(2),
  };
}

/** Stores the state and open amounts the document's allocations give it. */
export async function storeSettlement(tx: Tx, id: string, settlement: Settlement): Promise<void> {
  await tx.invoice.update({
    where: { id },
    data: { state: settlement.state, amountDue: settlement.amountDue, refundDue: settlement.refundDue },
  });
}

/** Re-derives and stores a locked document's settlement after a row that settles it was written. */
export async function refreshSettlement(tx: Tx, document: LockedDocument): Promise<Settlement> {
  const settlement = settlementOf(await factsOf(tx, document));
  await storeSettlement(tx, document.id, settlement);
  return settlement;
}

export const voidInvoiceMessage = (number: string) => `Invoice ${number} is void: a void invoice cannot be credited`;

/**
 * The first half of issuing a credit note for `invoiceId` (before its number):
 * locks the invoice, refuses a void one, and works out how much of the credit
 * meets what the invoice still owes (applied) and how much had been paid
 * (refund due). `record` writes it once the credit note exists.
 */
export async function prepareCreditApplication(tx: Tx, invoiceId: string, creditGross: string) {
  const invoice = await lockDocument(tx, invoiceId);
  if (invoice.kind !== "INVOICE") throw new Error(`a credit note credits an invoice, not ${invoice.number}`);
  if (invoice.state === "VOID") throw new DomainError("PRECONDITION_FAILED", voidInvoiceMessage(invoice.number));
  const facts = (await factsOf(tx, invoice)) as InvoiceFacts;
  const amount = new Money(creditGross).abs().toFixed(2);
  const { applied, refundDue } = creditApplication(settlementOf(facts).amountDue, amount);
  const invoiceAfter = settlementOf({
    ...facts,
    creditsApplied: new Money(facts.creditsApplied).plus(applied).toFixed(2),
    credited: new Money(facts.credited).plus(amount).toFixed(2),
  });
  const creditNote = settlementOf({ kind: "CREDIT", gross: creditGross, voided: false, applied, refunded: "0" });
  return {
    /** The new credit note's own settlement, to issue it with. */
    creditNote,
    async record(write: Tx, input: { creditNoteId: string; creditNoteNumber: string; at: Date; actor: string }) {
      const applies = new Money(applied).gt(0);
      if (applies) {
        await write.creditAllocation.create({
          data: { creditNoteId: input.creditNoteId, invoiceId, amount: applied, createdAt: input.at },
        });
      }
      await storeSettlement(write, invoiceId, invoiceAfter);
      await write.invoiceEvent.createMany({
        data: [
          {
            invoiceId,
            at: input.at,
            actor: input.actor,
            kind: "credited",
            detail: { creditNote: input.creditNoteNumber, amount, applied, refundDue },
          },
          {
            invoiceId: input.creditNoteId,
            at: input.at,
            actor: input.actor,
            kind: applies ? "credit-applied" : "refund-due",
            detail: { invoice: invoice.number, applied, refundDue },
          },
        ],
      });
    },
  };
}
