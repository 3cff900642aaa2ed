import type { RouterOutputs } from "@cm/domain/client";
import { countryName } from "@cm/domain/countries";
import { PAYMENT_METHOD_LABELS } from "@cm/domain/schemas";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { CodesKeptWhole } from "./codes-kept-whole.tsx";
import { Badge } from "./feedback.tsx";
import { formatDate, formatDay, formatMoney } from "./format.ts";
import { Card } from "./layout.tsx";
import { Table } from "./table.tsx";
import { taxRateText } from "./tax-text.ts";

/** What both apps get of an invoice (the BSS adds its audit trail). */
type Invoice = RouterOutputs["storefront"]["invoice"]["get"];
export type InvoiceState = Invoice["state"];

export const INVOICE_STATE_LABELS: Record<InvoiceState, string> = {
  OPEN: "Open",
  PARTIALLY_PAID: "Partially paid",
  PAID: "Paid",
  PARTIALLY_CREDITED: "Partially credited",
  CREDITED: "Credited",
  VOID: "Void",
  APPLIED: "Applied",
  REFUND_DUE: "Refund due",
  REFUNDED: "Refunded",
};

const STATE_TONES: Record<InvoiceState, "gray" | "green" | "yellow" | "blue" | "purple"> = {
  OPEN: "yellow",
  PARTIALLY_PAID: "yellow",
  PAID: "green",
  PARTIALLY_CREDITED: "yellow",
  CREDITED: "blue",
  VOID: "gray",
  APPLIED: "blue",
  REFUND_DUE: "purple",
  REFUNDED: "green",
};

export function InvoiceStatusBadge({ state }: { state: InvoiceState }) {
  return <Badge tone={STATE_TONES[state]}>{INVOICE_STATE_LABELS[state]}</Badge>;
}

/** What is still open on a document, in words: "€12.00 due", "€5.00 to refund", or "—". */
export function openAmountText(document: {
  kind: Invoice["kind"];
  state: InvoiceState;
  amountDue: string;
  refundDue: string;
  currency: string;
}): string {
  if (document.kind === "CREDIT")
    return document.state === "REFUND_DUE" ? `${formatMoney(document.refundDue, document.currency)} to refund` : "—";
  return document.state === "VOID" || document.amountDue === "0.00"
    ? "—"
    : `${formatMoney(document.amountDue, document.currency)} due`;
}

function Party({ title, party }: { title: string; party: Invoice["seller"] }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</p>
      <p className="mt-1 font-medium">{party.name}</p>
      {party.addressLines.map((line) => (
        <p key={line} className="text-sm text-slate-600">
          {line}
        </p>
      ))}
      {party.country && <p className="text-sm text-slate-600">{countryName(party.country)}</p>}
      {party.taxId && <p className="text-sm text-slate-600">VAT number {party.taxId}</p>}
      {party.accountNumber && <p className="text-sm text-slate-600">Account {party.accountNumber}</p>}
    </div>
  );
}

/** A "label  link" line of an invoice's facts; both apps route /orders/:id and /invoices/:id. */
function RelatedLink({ label, to, text }: { label: string; to: string; text: string }) {
  return (
    <p>
      <span className="text-slate-500">{label}</span>{" "}
      <Link to={to} className="whitespace-nowrap text-brand-700 hover:underline">
        {text}
      </Link>
    </p>
  );
}

const how = (row: { method: keyof typeof PAYMENT_METHOD_LABELS; reference: string | null }) =>
  row.reference ? `${PAYMENT_METHOD_LABELS[row.method]} · ${row.reference}` : PAYMENT_METHOD_LABELS[row.method];

/**
 * An invoice or credit invoice as both apps show it, with links to its order,
 * the invoice it credits and its credit invoices, what settled it (payments,
 * credits applied, refunds) and what is still due; `links` adds the app's own
 * (the BSS links the account) before them, `children` what follows (the BSS's history).
 */
export function InvoiceView({
  invoice,
  pdfHref,
  actions,
  panel,
  links,
  children,
}: {
  invoice: Invoice;
  pdfHref: string;
  actions?: ReactNode;
  /** Shown under the invoice's facts (the BSS's open action form). */
  panel?: ReactNode;
  links?: ReactNode;
  children?: ReactNode;
}) {
  const credit = invoice.kind === "CREDIT";
  const money = (amount: string) => formatMoney(amount, invoice.currency);
  const settlements = [
    ...invoice.payments.map((payment) => ({
      key: `p-${payment.id}`,
      when: formatDay(payment.on),
      what: <>Payment ({how(payment)})</>,
      amount: money(payment.amount),
    })),
    ...invoice.applications.map((applied) => ({
      key: `a-${applied.document.id}`,
      when: formatDate(applied.at),
      what: credit ? (
        <>
          Applied to{" "}
          <Link to={`/invoices/${applied.document.id}`} className="font-mono text-brand-700 hover:underline">
            {applied.document.number}
          </Link>
        </>
      ) : (
        <>
          Credit note{" "}
          <Link to={`/invoices/${applied.document.id}`} className="font-mono text-brand-700 hover:underline">
            {applied.document.number}
          </Link>
        </>
      ),
      amount: money(applied.amount),
    })),
    ...invoice.refunds.map((refund) => ({
      key: `r-${refund.id}`,
      when: formatDay(refund.on),
      what: <>Refund ({how(refund)})</>,
      amount: money(refund.amount),
    })),
  ];
  return (
    <div className="space-y-6">
      <Card
        title={
          <span className="flex items-center gap-3">
            <span>
              {credit ? "Credit invoice" : "Invoice"} {invoice.number}
            </span>
            <InvoiceStatusBadge state={invoice.state} />
          </span>
        }
        actions={
          <>
            {actions}
            <a
              href={pdfHref}
              download
              className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              Download PDF
            </a>
          </>
        }
      >
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
          <Party title="From" party={invoice.seller} />
          <Party title="Bill to" party={invoice.buyer} />
          <div className="text-sm">
            <p>
              <span className="text-slate-500">Issued</span> {formatDate(invoice.issuedAt)}
            </p>
            {invoice.dueAt && invoice.state !== "VOID" && (
              <p>
                <span className="text-slate-500">Due</span> {formatDate(invoice.dueAt)}
              </p>
            )}
            <p data-testid="invoice-open-amount">
              <span className="text-slate-500">{credit ? "Refund due" : "Amount due"}</span>{" "}
              <span className="font-medium">{money(credit ? invoice.refundDue : invoice.amountDue)}</span>
            </p>
            {invoice.voidedAt && (
              <p>
                <span className="text-slate-500">Voided</span> {formatDate(invoice.voidedAt)}
                {invoice.voidReason && <>: {invoice.voidReason}</>}
              </p>
            )}
            {links}
            {invoice.order && (
              <RelatedLink label="Order" to={`/orders/${invoice.order.id}`} text={invoice.order.number} />
            )}
            {invoice.creditFor && (
              <RelatedLink
                label="Credit for"
                to={`/invoices/${invoice.creditFor.id}`}
                text={invoice.creditFor.number}
              />
            )}
            {invoice.credits.map((creditNote) => (
              <RelatedLink
                key={creditNote.id}
                label="Credited by"
                to={`/invoices/${creditNote.id}`}
                text={creditNote.number}
              />
            ))}
          </div>
        </div>
      </Card>
      {panel}
      <Table
        rows={invoice.lines}
        rowKey={(line) => String(line.position)}
        columns={[
          { header: "#", cell: (line) => line.position },
          {
            header: "Description",
            cell: (line) => (
              <>
                <p>
                  <CodesKeptWhole text={line.description} />
                </p>
                {line.detail && (
                  <p className="text-xs text-slate-500">
                    <CodesKeptWhole text={line.detail} />
                  </p>
                )}
              </>
            ),
          },
          { header: "Qty", cell: (line) => line.quantity, className: "text-right" },
          { header: "Unit price", cell: (line) => money(line.unitPrice), className: "text-right" },
          { header: "Tax", cell: (line) => taxRateText(line.taxRate, line.taxRegime), className: "text-right" },
          { header: "Net", cell: (line) => money(line.net), className: "text-right" },
          { header: "Total", cell: (line) => money(line.gross), className: "text-right" },
        ]}
      />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <div>
          {settlements.length > 0 && (
            <Card title={credit ? "Applied and refunded" : "Payments and credits"}>
              <ul className="space-y-1 text-sm" data-testid="invoice-settlements">
                {settlements.map((row) => (
                  <li key={row.key} className="flex justify-between gap-4">
                    <span>
                      <span className="text-slate-500">{row.when}</span> {row.what}
                    </span>
                    <span>{row.amount}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        <div className="space-y-3">
          <dl className="ml-auto w-full max-w-xs space-y-1 text-sm" data-testid="invoice-totals">
            <div className="flex justify-between">
              <dt className="text-slate-600">Net</dt>
              <dd>{money(invoice.net)}</dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-slate-600">Tax</dt>
              <dd>{money(invoice.tax)}</dd>
            </div>
            <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
              <dt>Total</dt>
              <dd>{money(invoice.gross)}</dd>
            </div>
            {credit ? (
              <>
                {invoice.settled.credited !== "0.00" && (
                  <div className="flex justify-between">
                    <dt className="text-slate-600">Applied to invoice</dt>
                    <dd>{money(invoice.settled.credited)}</dd>
                  </div>
                )}
                {invoice.settled.refunded !== "0.00" && (
                  <div className="flex justify-between">
                    <dt className="text-slate-600">Refunded</dt>
                    <dd>{money(invoice.settled.refunded)}</dd>
                  </div>
                )}
                <div className="flex justify-between border-t border-slate-200 pt-2 font-semibold">
                  <dt>Refund due</dt>
                  <dd>{money(invoice.refundDue)}</dd>
                </div>
              </>
            ) : (
              <>
                {invoice.settled.paid !== "0.00" && (
                  <div className="flex justify-between">
                    <dt className="text-slate-600">Paid</dt>
                    <dd>-{money(invoice.settled.paid)}</dd>
                  </div>
                )}
                {invoice.settled.credited !== "0.00" && (
                  <div className="flex justify-between">
                    <dt className="text-slate-600">Credited</dt>
                    <dd>-{money(invoice.settled.credited)}</dd>
                  </div>
                )}
                <div className="flex justify-between border-t border-slate-200 pt-2 font-semibold">
                  <dt>Amount due</dt>
                  <dd>{money(invoice.amountDue)}</dd>
                </div>
              </>
            )}
          </dl>
          {invoice.taxMention && (
            <p
              className="ml-auto max-w-md whitespace-pre-line text-right text-sm font-medium"
              data-testid="tax-mention"
            >
              {invoice.taxMention}
            </p>
          )}
        </div>
      </div>
      {children}
    </div>
  );
}
