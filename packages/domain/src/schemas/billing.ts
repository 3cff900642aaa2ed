import { z } from "zod";
import { currencySchema, idSchema, optionalText, pageSchema, requiredText, text } from "./common.ts";

/** An invoice's states (billing/settlement.ts derives them). */
export const INVOICE_STATES = ["OPEN", "PARTIALLY_PAID", "PAID", "PARTIALLY_CREDITED", "CREDITED", "VOID"] as const;
/** A credit note's states. */
export const CREDIT_NOTE_STATES = ["APPLIED", "REFUND_DUE", "REFUNDED"] as const;
export const invoiceStateSchema = z.enum([...INVOICE_STATES, ...CREDIT_NOTE_STATES], {
  message: "Choose a state",
});
export type InvoiceStateInput = z.infer<typeof invoiceStateSchema>;

export const PAYMENT_METHODS = ["BANK_TRANSFER", "CARD", "DIRECT_DEBIT", "CHEQUE", "CASH", "OTHER"] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS, { message: "Choose how the money was paid" });

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as a date input gives it, "2026-12-03". */
export const daySchema = (label: string) =>
  text({ message: `${label} is required` })
    .trim()
    .min(1, { message: `${label} is required` })
    .refine(isCalendarDay, { message: `${label} must be a date such as 2026-12-03` });

function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 2000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A positive amount of money with at most two decimals ("120", "99.5", "0.01"). */
export const positiveAmountSchema = text({ message: "Enter an amount" })
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, { message: "Enter an amount like 12.50 (at most 2 decimals)" })
  .refine((value) => Number(value) > 0, { message: "The amount must be more than 0" });

export const listInvoicesInput = pageSchema.extend({
  accountId: idSchema.optional(),
  kind: z.enum(["INVOICE", "CREDIT"]).optional(),
  state: invoiceStateSchema.optional(),
  search: text().trim().max(60).optional(),
});

/** "Record payment": money received for one invoice. */
export const recordPaymentInput = z.object({
  invoiceId: idSchema,
  amount: positiveAmountSchema,
  receivedOn: daySchema("The payment date"),
  method: paymentMethodSchema,
  reference: optionalText("Reference", 100),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentInput>;

/** "Mark refunded": money paid back for a credit note whose refund is due. */
export const recordRefundInput = z.object({
  creditNoteId: idSchema,
  amount: positiveAmountSchema,
  refundedOn: daySchema("The refund date"),
  method: paymentMethodSchema,
  reference: optionalText("Reference", 100),
});
export type RecordRefundInput = z.infer<typeof recordRefundInput>;

export const voidInvoiceInput = z.object({ id: idSchema, reason: requiredText("Reason", 500) });

/** A statement of account: one account's movements from one day to another (both included). */
const periodShape = {
  from: daySchema("The start of the period"),
  to: daySchema("The end of the period"),
  /** Default: the account's currency. */
  currency: currencySchema.optional(),
};
const endNotBeforeStart = (period: { from: string; to: string }) =>
  !isCalendarDay(period.from) || !isCalendarDay(period.to) || period.from <= period.to;
const endBeforeStart = { path: ["to"], message: "The end of the period can't be before its start" };
export const statementPeriodInput = z.object(periodShape).refine(endNotBeforeStart, endBeforeStart);
export const bssStatementInput = z
  .object({ accountId: idSchema, ...periodShape })
  .refine(endNotBeforeStart, endBeforeStart);
export type StatementPeriod = z.infer<typeof statementPeriodInput>;

/** How both apps, the PDFs and the audit trail name a payment method. */
export const PAYMENT_METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = {
  BANK_TRANSFER: "Bank transfer",
  CARD: "Card",
  DIRECT_DEBIT: "Direct debit",
  CHEQUE: "Cheque",
  CASH: "Cash",
  OTHER: "Other",
};
