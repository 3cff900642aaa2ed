import {
  Alert,
  InvoiceStatusBadge,
  InvoiceView,
  Loading,
  PageHeader,
  Pagination,
  Table,
  apiErrorMessage,
  formatDate,
  formatMoney,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";

export function InvoicesPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const invoices = useQuery({
    ...trpc.storefront.invoice.list.queryOptions({ page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Invoices" subtitle="Invoices and credit invoices for your account" />
      {invoices.isError && <Alert tone="error">{apiErrorMessage(invoices.error)}</Alert>}
      {invoices.data && (
        <>
          <Table
            rows={invoices.data.items}
            rowKey={(row) => row.id}
            empty="No invoices yet."
            columns={[
              {
                header: "Number",
                cell: (row) => (
                  <Link to={`/invoices/${row.id}`} className="font-mono text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                ),
              },
              {
                header: "Type",
                cell: (row) => (row.kind === "CREDIT" ? `Credit for ${row.creditFor?.number ?? ""}` : "Invoice"),
              },
              { header: "Issued", cell: (row) => formatDate(row.issuedAt) },
              { header: "Total", cell: (row) => formatMoney(row.gross, row.currency), className: "text-right" },
              { header: "Status", cell: (row) => <InvoiceStatusBadge kind={row.kind} status={row.status} /> },
            ]}
          />
          <Pagination
            page={invoices.data.page}
            pageSize={invoices.data.pageSize}
            total={invoices.data.total}
            onPage={setPage}
          />
        </>
      )}
    </>
  );
}

export function InvoicePage() {
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const invoice = useQuery(trpc.storefront.invoice.get.queryOptions({ id }));
  if (invoice.isPending) return <Loading />;
  if (invoice.isError) return <Alert tone="error">{apiErrorMessage(invoice.error)}</Alert>;
  const data = invoice.data;
  return <InvoiceView invoice={data} pdfHref={`/api/storefront/invoices/${data.id}/pdf`} />;
}
