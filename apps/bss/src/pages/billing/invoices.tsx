import { INVOICE_STATES, CREDIT_NOTE_STATES } from "@cm/domain/schemas";
import {
  Alert,
  Card,
  INVOICE_STATE_LABELS,
  InvoiceStatusBadge,
  InvoiceView,
  Loading,
  PageHeader,
  Pagination,
  SelectField,
  Table,
  TextField,
  apiErrorMessage,
  formatDate,
  formatDateTime,
  formatMoney,
  openAmountText,
  type InvoiceState,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useDebounced } from "../../components/use-debounced.ts";
import { useCan } from "../../components/use-can.ts";
import { useUrlFilters } from "../../components/use-url-filters.ts";
import { InvoiceActionButtons, InvoiceActionPanel, type InvoiceAction } from "./invoice-actions.tsx";

const STATES: readonly string[] = [...INVOICE_STATES, ...CREDIT_NOTE_STATES];
const stateOptions = [
  ...INVOICE_STATES.map((state) => ({ value: state, label: INVOICE_STATE_LABELS[state] })),
  ...CREDIT_NOTE_STATES.map((state) => ({ value: state, label: `Credit note: ${INVOICE_STATE_LABELS[state]}` })),
];

/** Billing > Invoices */
export function InvoicesPage() {
  const trpc = useTRPC();
  // The filters live in the URL: a filtered list survives a reload and can be shared.
  const { params, update, page } = useUrlFilters();
  const search = params.get("q") ?? "";
  const kind = params.get("kind") ?? "";
  const stateParam = params.get("state") ?? "";
  // A state the list does not know (an old link) shows everything rather than an error.
  const state = STATES.includes(stateParam) ? (stateParam as InvoiceState) : "";
  const debounced = useDebounced(search);
  const invoices = useQuery({
    ...trpc.bss.invoice.list.queryOptions({
      search: debounced || undefined,
      kind: (kind || undefined) as "INVOICE" | "CREDIT" | undefined,
      state: state || undefined,
      page,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Invoices" subtitle="Invoices and credit invoices" />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          label="Search"
          type="search"
          placeholder="Number or company"
          value={search}
          onChange={(value) => update({ q: value, page: "" })}
        />
        <SelectField
          label="Type"
          value={kind}
          onChange={(value) => update({ kind: value, page: "" })}
          placeholder="All"
          options={[
            { value: "INVOICE", label: "Invoices" },
            { value: "CREDIT", label: "Credit invoices" },
          ]}
        />
        <SelectField
          label="State"
          value={state}
          onChange={(value) => update({ state: value, page: "" })}
          placeholder="All"
          options={stateOptions}
        />
      </div>
      {invoices.isError && <Alert tone="error">{apiErrorMessage(invoices.error)}</Alert>}
      {invoices.data && (
        <>
          <Table
            rows={invoices.data.items}
            rowKey={(row) => row.id}
            empty="No invoices match."
            columns={[
              {
                header: "Number",
                cell: (row) => (
                  <Link to={`/invoices/${row.id}`} className="font-mono text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                ),
              },
              { header: "Account", cell: (row) => row.account.companyName },
              {
                header: "Type",
                cell: (row) => (row.kind === "CREDIT" ? `Credit for ${row.creditFor?.number ?? ""}` : "Invoice"),
              },
              { header: "Issued", cell: (row) => formatDate(row.issuedAt) },
              { header: "Due", cell: (row) => (row.dueAt ? formatDate(row.dueAt) : "—") },
              { header: "Total", cell: (row) => formatMoney(row.gross, row.currency), className: "text-right" },
              { header: "Open", cell: (row) => openAmountText(row), className: "text-right" },
              { header: "State", cell: (row) => <InvoiceStatusBadge state={row.state} /> },
            ]}
          />
          <Pagination
            page={invoices.data.page}
            pageSize={invoices.data.pageSize}
            total={invoices.data.total}
            onPage={(next) => update({ page: next > 1 ? String(next) : "" })}
          />
        </>
      )}
    </>
  );
}

export function InvoiceDetailPage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const invoice = useQuery(trpc.bss.invoice.get.queryOptions({ id }));
  const can = useCan();
  const [open, setOpen] = useState<InvoiceAction | null>(null);
  if (invoice.isPending) return <Loading />;
  if (invoice.isError) return <Alert tone="error">{apiErrorMessage(invoice.error)}</Alert>;
  const data = invoice.data;
  const manage = can("invoices.manage");
  return (
    <InvoiceView
      invoice={data}
      pdfHref={`/api/bss/invoices/${data.id}/pdf`}
      actions={manage && <InvoiceActionButtons invoice={data} open={open} onOpen={setOpen} />}
      panel={
        data.issuer.isDistributor ? (
          manage && <InvoiceActionPanel invoice={data} open={open} onDone={() => setOpen(null)} />
        ) : (
          // The reseller's side of a two-tier order: the server refuses payments, refunds and voids on it.
          <Alert tone="info" title="Issued by a reseller">
            {data.issuer.companyName} issued {data.number} to its own customer at its storefront: it is shown here
            read-only, without payments, refunds or voids.
          </Alert>
        )
      }
      links={
        <p>
          <span className="text-slate-500">Account</span>{" "}
          <Link to={`/accounts/${data.account.id}`} className="text-brand-700 hover:underline">
            {data.account.companyName}
          </Link>
        </p>
      }
    >
      {data.history.length > 0 && (
        <Card title="History">
          <ul className="space-y-1 text-sm" data-testid="invoice-history">
            {data.history.map((entry, index) => (
              <li key={`${entry.at.toString()}-${index}`}>
                <span className="text-slate-500">{formatDateTime(entry.at)}</span> {entry.text}{" "}
                <span className="text-slate-500">({entry.actor})</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </InvoiceView>
  );
}
