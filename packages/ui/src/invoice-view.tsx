import type { RouterOutputs } from "@cm/domain/client";
import { countryName } from "@cm/domain/countries";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { CodesKeptWhole } from "./codes-kept-whole.tsx";
import { Badge } from "./feedback.tsx";
import { formatDate, formatMoney } from "./format.ts";
import { Card } from "./layout.tsx";
import { Table } from "./table.tsx";

type Invoice = RouterOutputs["bss"]["invoice"]["get"];

export function InvoiceStatusBadge({ kind, status }: { kind: Invoice["kind"]; status: Invoice["status"] }) {
  if (status === "VOID") return <Badge>Void</Badge>;
  if (kind === "CREDIT")
    return <Badge tone={status === "PAID" ? "green" : "purple"}>{status === "PAID" ? "Refunded" : "Refund due"}</Badge>;
  return <Badge tone={status === "PAID" ? "green" : "yellow"}>{status === "PAID" ? "Paid" : "Unpaid"}</Badge>;
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
      {party.taxId && <p className="text-sm text-slate-600">Tax id {party.taxId}</p>}
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

/**
 * An invoice or credit invoice as both apps show it, with links to its order,
 * the invoice it credits and its credit invoices; `links` adds the app's own
 * (the BSS links the account) before them.
 */
export function InvoiceView({
  invoice,
  pdfHref,
  actions,
  links,
}: {
  invoice: Invoice;
  pdfHref: string;
  actions?: ReactNode;
  links?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <Card
        title={
          <span className="flex items-center gap-3">
            <span>
              {invoice.kind === "CREDIT" ? "Credit invoice" : "Invoice"} {invoice.number}
            </span>
            <InvoiceStatusBadge kind={invoice.kind} status={invoice.status} />
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
            {invoice.dueAt && (
              <p>
                <span className="text-slate-500">Due</span> {formatDate(invoice.dueAt)}
              </p>
            )}
            {invoice.paidAt && (
              <p>
                <span className="text-slate-500">{invoice.kind === "CREDIT" ? "Refunded" : "Paid"}</span>{" "}
                {formatDate(invoice.paidAt)}
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
            {invoice.credits.map((credit) => (
              <RelatedLink key={credit.id} label="Credited by" to={`/invoices/${credit.id}`} text={credit.number} />
            ))}
          </div>
        </div>
      </Card>
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
          {
            header: "Unit price",
            cell: (line) => formatMoney(line.unitPrice, invoice.currency),
            className: "text-right",
          },
          { header: "Tax", cell: (line) => `${Number(line.taxRate)}%`, className: "text-right" },
          { header: "Net", cell: (line) => formatMoney(line.net, invoice.currency), className: "text-right" },
          { header: "Total", cell: (line) => formatMoney(line.gross, invoice.currency), className: "text-right" },
        ]}
      />
      <dl className="ml-auto w-full max-w-xs space-y-1 text-sm" data-testid="invoice-totals">
        <div className="flex justify-between">
          <dt className="text-slate-600">Net</dt>
          <dd>{formatMoney(invoice.net, invoice.currency)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-slate-600">Tax</dt>
          <dd>{formatMoney(invoice.tax, invoice.currency)}</dd>
        </div>
        <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
          <dt>Total</dt>
          <dd>{formatMoney(invoice.gross, invoice.currency)}</dd>
        </div>
      </dl>
    </div>
  );
}
