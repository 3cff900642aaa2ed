import {
  Confirm,
  Alert,
  Button,
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
  formatMoney,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useDebounced } from "../../components/use-debounced.ts";
import { useCan } from "../../components/use-can.ts";
import { useUrlFilters } from "../../components/use-url-filters.ts";

/** Billing > Invoices */
export function InvoicesPage() {
  const trpc = useTRPC();
  // The filters live in the URL: a filtered list survives a reload and can be shared.
  const { params, update, page } = useUrlFilters();
  const search = params.get("q") ?? "";
  const kind = params.get("kind") ?? "";
  const status = params.get("status") ?? "";
  const debounced = useDebounced(search);
  const invoices = useQuery({
    ...trpc.bss.invoice.list.queryOptions({
      search: debounced || undefined,
      kind: (kind || undefined) as "INVOICE" | "CREDIT" | undefined,
      status: (status || undefined) as "UNPAID" | "PAID" | "VOID" | undefined,
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
          label="Status"
          value={status}
          onChange={(value) => update({ status: value, page: "" })}
          placeholder="All"
          options={[
            { value: "UNPAID", label: "Unpaid" },
            { value: "PAID", label: "Paid" },
            { value: "VOID", label: "Void" },
          ]}
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
              { header: "Status", cell: (row) => <InvoiceStatusBadge kind={row.kind} status={row.status} /> },
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
  const queryClient = useQueryClient();
  const { id = "" } = useParams();
  const invoice = useQuery(trpc.bss.invoice.get.queryOptions({ id }));
  const setStatus = useMutation(
    trpc.bss.invoice.setStatus.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() }),
    }),
  );
  const can = useCan();
  const [asking, setAsking] = useState<"PAID" | "VOID" | null>(null);
  if (invoice.isPending) return <Loading />;
  if (invoice.isError) return <Alert tone="error">{apiErrorMessage(invoice.error)}</Alert>;
  const data = invoice.data;
  return (
    <>
      {setStatus.isError && <Alert tone="error">{apiErrorMessage(setStatus.error)}</Alert>}
      {asking && (
        <div className="mb-4">
          <Confirm
            title={
              asking === "VOID"
                ? `Void ${data.number}?`
                : `Mark ${data.number} ${data.kind === "CREDIT" ? "refunded" : "paid"}?`
            }
            confirmLabel={asking === "VOID" ? "Yes, void it" : data.kind === "CREDIT" ? "Yes, refunded" : "Yes, paid"}
            backLabel="Go back"
            danger={asking === "VOID"}
            pending={setStatus.isPending}
            onConfirm={() => setStatus.mutate({ id: data.id, status: asking }, { onSettled: () => setAsking(null) })}
            onBack={() => setAsking(null)}
          >
            {asking === "VOID"
              ? `${data.account.companyName} no longer owes its ${formatMoney(data.gross, data.currency)}, and its assets can't be credited any more. This can't be undone.`
              : data.kind === "CREDIT"
                ? `Records that ${formatMoney(data.gross.replace("-", ""), data.currency)} was paid back to ${data.account.companyName}.`
                : `Records that ${data.account.companyName} paid ${formatMoney(data.gross, data.currency)}.`}
          </Confirm>
        </div>
      )}
      <InvoiceView
        invoice={data}
        pdfHref={`/api/bss/invoices/${data.id}/pdf`}
        actions={
          data.status === "UNPAID" &&
          can("invoices.manage") && (
            <>
              <Button size="sm" disabled={asking !== null} onClick={() => setAsking("PAID")}>
                {data.kind === "CREDIT" ? "Mark refunded" : "Mark paid"}
              </Button>
              {data.kind === "INVOICE" && (
                <Button size="sm" variant="ghost" disabled={asking !== null} onClick={() => setAsking("VOID")}>
                  Void
                </Button>
              )}
            </>
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
      />
    </>
  );
}
