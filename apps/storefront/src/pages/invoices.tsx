import {
  Alert,
  BalanceSummary,
  Card,
  InvoiceStatusBadge,
  InvoiceView,
  Loading,
  PageHeader,
  Pagination,
  StatementCard,
  Table,
  apiErrorMessage,
  defaultStatementPeriod,
  formatDate,
  formatMoney,
  openAmountText,
  type StatementPeriodValues,
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
  const me = useQuery(trpc.storefront.account.me.queryOptions());
  // The balance and statement are of the account with the distributor; an end-customer's invoices are its reseller's.
  const withDistributor = me.data !== undefined && me.data.account.kind !== "END_CUSTOMER";
  const balance = useQuery({ ...trpc.storefront.account.balance.queryOptions(), enabled: withDistributor });
  return (
    <>
      <PageHeader title="Invoices" subtitle="Invoices and credit invoices for your account" />
      {withDistributor && (
        <div className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
          <Card title="Your balance">
            {balance.data ? <BalanceSummary balances={balance.data} perspective="customer" /> : <Loading />}
          </Card>
        </div>
      )}
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
              { header: "Open", cell: (row) => openAmountText(row), className: "text-right" },
              { header: "State", cell: (row) => <InvoiceStatusBadge state={row.state} /> },
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
      {withDistributor && (
        <div className="mt-6">
          <MyStatement />
        </div>
      )}
    </>
  );
}

/** The buyer's own statement of account for a period, with its PDF. */
function MyStatement() {
  const trpc = useTRPC();
  const [period, setPeriod] = useState<StatementPeriodValues>(() => defaultStatementPeriod());
  const statement = useQuery({
    ...trpc.storefront.account.statement.queryOptions(period),
    placeholderData: keepPreviousData,
  });
  const query = new URLSearchParams({
    from: period.from,
    to: period.to,
    ...(period.currency ? { currency: period.currency } : {}),
  });
  return (
    <StatementCard
      perspective="customer"
      period={period}
      onPeriod={setPeriod}
      statement={statement}
      pdfHref={`/api/storefront/statement/pdf?${query.toString()}`}
    />
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
