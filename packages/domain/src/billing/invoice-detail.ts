import type { InvoiceState, PaymentMethod, Prisma, TaxRegime } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { PAYMENT_METHOD_LABELS } from "../schemas/billing.ts";
import { formatMoney, Money } from "../shared/money.ts";
import { dateToDay } from "./calendar-days.ts";
import { formatOrderNumber } from "./document-numbers.ts";
import { documentScopeFor, money, summarySelect, toSummary, type InvoiceSummaryDto } from "./invoices.ts";
import { readPartySnapshot, type PartySnapshot } from "./party-snapshot.ts";

interface SettlementRow {
  /** A day, "2026-12-03". */
  on: string;
  amount: string;
  method: PaymentMethod;
  reference: string | null;
}

export interface InvoiceDetailDto extends InvoiceSummaryDto {
  seller: PartySnapshot;
  buyer: PartySnapshot;
  /** The place-of-supply regime and what the invoice says about it (null on invoices issued before they were recorded). */
  taxRegime: TaxRegime | null;
  taxMention: string | null;
  order: { id: string; number: string } | null;
  credits: { id: string; number: string; gross: string; state: InvoiceState }[];
  lines: {
    position: number;
    description: string;
    detail: string | null;
    quantity: number;
    unitPrice: string;
    taxRate: string;
    taxRegime: TaxRegime | null;
    net: string;
    tax: string;
    gross: string;
    assetId: string | null;
  }[];
  voidedAt: Date | null;
  voidReason: string | null;
  /** An invoice: the payments allocated to it (the part of each that settles it). */
  payments: (SettlementRow & { id: string })[];
  /** An invoice: the credit notes applied to it; a credit note: the invoice it was applied to. */
  applications: { document: { id: string; number: string }; amount: string; at: Date }[];
  /** A credit note: what was paid back. */
  refunds: (SettlementRow & { id: string })[];
  /** Totals of the above. */
  settled: { paid: string; credited: string; refunded: string };
  /**
   * Who issued it; staff only. The distributor's own documents take payments, refunds and voids; a reseller's
   * invoice to its end-customer (a two-tier order) is shown to staff read-only (lockDistributorDocument).
   */
  issuer: { companyName: string; isDistributor: boolean };
  /** Who did what (issued credits, payments, refunds, the void and its reason); staff only. */
  history: { at: Date; actor: string; kind: string; text: string }[];
}

const detailSelect = {
  ...summarySelect,
  seller: true,
  buyer: true,
  taxRegime: true,
  taxMention: true,
  voidedAt: true,
  voidReason: true,
  order: { select: { id: true, number: true } },
  credits: {
    select: { id: true, number: true, gross: true, state: true },
    orderBy: [{ issuedAt: "asc" }, { number: "asc" }],
  },
  lines: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      description: true,
      detail: true,
      quantity: true,
      unitPrice: true,
      taxRate: true,
      taxRegime: true,
      net: true,
      tax: true,
      gross: true,
      assetId: true,
    },
  },
  paymentAllocations: {
    orderBy: { createdAt: "asc" },
    select: {
      amount: true,
      payment: { select: { id: true, receivedOn: true, method: true, reference: true } },
    },
  },
  creditsApplied: {
    orderBy: { createdAt: "asc" },
    select: { amount: true, createdAt: true, creditNote: { select: { id: true, number: true } } },
  },
  appliedTo: {
    orderBy: { createdAt: "asc" },
    select: { amount: true, createdAt: true, invoice: { select: { id: true, number: true } } },
  },
  refunds: {
    orderBy: { createdAt: "asc" },
    select: { id: true, amount: true, refundedOn: true, method: true, reference: true },
  },
  events: { orderBy: { seq: "asc" }, select: { at: true, actor: true, kind: true, detail: true } },
  issuer: { select: { companyName: true, kind: true } },
} satisfies Prisma.InvoiceSelect;

/** One invoice `caller` may see (documentScopeFor); outside it looks like it does not exist. */
export async function getInvoice(deps: DomainDeps, caller: Caller, id: string): Promise<InvoiceDetailDto> {
  return invoiceDetailWithin(deps.db, documentScopeFor(caller), id);
}

export async function invoiceDetailWithin(
  db: DomainDeps["db"] | Prisma.TransactionClient,
  scope: Prisma.InvoiceWhereInput,
  id: string,
): Promise<InvoiceDetailDto> {
  const row = await db.invoice.findFirst({ where: { AND: [{ id }, scope] }, select: detailSelect });
  if (!row) throw notFound("The invoice");
  const payments = row.paymentAllocations.map((allocation) => ({
    id: allocation.payment.id,
    on: dateToDay(allocation.payment.receivedOn),
    amount: money(allocation.amount),
    method: allocation.payment.method,
    reference: allocation.payment.reference,
  }));
  const applications = [
    ...row.creditsApplied.map((applied) => ({
      document: applied.creditNote,
      amount: money(applied.amount),
      at: applied.createdAt,
    })),
    ...row.appliedTo.map((applied) => ({
      document: applied.invoice,
      amount: money(applied.amount),
      at: applied.createdAt,
    })),
  ];
  const refunds = row.refunds.map((refund) => ({
    id: refund.id,
    on: dateToDay(refund.refundedOn),
    amount: money(refund.amount),
    method: refund.method,
    reference: refund.reference,
  }));
  const total = (rows: { amount: string }[]) =>
    rows.reduce((sum, item) => sum.plus(item.amount), new Money(0)).toFixed(2);
  return {
    ...toSummary(row),
    seller: readPartySnapshot(row.seller),
    buyer: readPartySnapshot(row.buyer),
    taxRegime: row.taxRegime,
    taxMention: row.taxMention,
    order: row.order && { id: row.order.id, number: formatOrderNumber(row.order.number) },
    credits: row.credits.map((credit) => ({ ...credit, gross: money(credit.gross) })),
    lines: row.lines.map((line) => ({
      ...line,
      unitPrice: money(line.unitPrice),
      taxRate: money(line.taxRate),
      net: money(line.net),
      tax: money(line.tax),
      gross: money(line.gross),
    })),
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
    payments,
    applications,
    refunds,
    settled: { paid: total(payments), credited: total(applications), refunded: total(refunds) },
    issuer: { companyName: row.issuer.companyName, isDistributor: row.issuer.kind === "DISTRIBUTOR" },
    history: row.events.map((event) => ({
      at: event.at,
      actor: event.actor,
      kind: event.kind,
      text: historyText(event.kind, (event.detail ?? {}) as Record<string, unknown>, row.currency),
    })),
  };
}

/** An audit entry in words, e.g. "Payment of €50.00 recorded (Bank transfer, ref 4711)". */
function historyText(kind: string, detail: Record<string, unknown>, currency: string): string {
  const amount = (key: string) => formatMoney(String(detail[key] ?? "0"), currency);
  const how = () => {
    const method = PAYMENT_METHOD_LABELS[detail.method as PaymentMethod] ?? String(detail.method ?? "");
    return detail.reference ? `${method}, ref ${String(detail.reference)}` : method;
  };
  switch (kind) {
    case "credited":
      return `Credited by ${String(detail.creditNote)} for ${amount("amount")}: ${amount("applied")} applied, ${amount("refundDue")} to refund`;
    case "credit-applied":
      return `Applied to ${String(detail.invoice)}: ${amount("applied")}${Number(detail.refundDue) > 0 ? `, ${amount("refundDue")} to refund` : ""}`;
    case "refund-due":
      return `${String(detail.invoice)} had been paid: ${amount("refundDue")} to refund`;
    case "payment-recorded":
      return `Payment of ${amount("amount")} received on ${String(detail.on)} recorded (${how()})`;
    case "refund-recorded":
      return `Refund of ${amount("amount")} paid on ${String(detail.on)} recorded (${how()})`;
    case "voided":
      return `Voided: ${String(detail.reason)}`;
    default:
      return kind;
  }
}
