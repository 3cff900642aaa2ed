import {
  Alert,
  Card,
  InvoiceStatusBadge,
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
import { MyStorefrontTabs } from "../pages/my-storefront/tabs.tsx";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";

/**
 * My storefront > Sales: the orders the reseller's end-customers placed at
 * its storefront (both sides and its margin), and the invoices and credit
 * notes it issued to them. The filters live in the URL.
 */
export function StorefrontSalesPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters = {
    endCustomerAccountId: params.get("customer") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
  };
  const kind = (params.get("kind") || undefined) as "INVOICE" | "CREDIT" | undefined;
  const ordersPage = Number(params.get("page") ?? "1") || 1;
  const documentsPage = Number(params.get("docs") ?? "1") || 1;
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const customers = useQuery(trpc.storefront.endCustomer.list.queryOptions({ page: 1, pageSize: 100 }));
  const orders = useQuery({
    ...trpc.storefront.myStorefront.salesOrders.queryOptions({ ...filters, page: ordersPage, pageSize: 25 }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const documents = useQuery({
    ...trpc.storefront.myStorefront.salesDocuments.queryOptions({
      ...filters,
      kind,
      page: documentsPage,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <>
      <PageHeader title="My storefront" subtitle="Sales" />
      <MyStorefrontTabs />
      <Card title="Filters">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-4">
          <SelectField
            label="End-customer"
            value={filters.endCustomerAccountId ?? ""}
            placeholder="All end-customers"
            onChange={(value) => set({ customer: value, page: null, docs: null })}
            options={(customers.data?.items ?? []).map((customer) => ({
              value: customer.id,
              label: customer.companyName,
            }))}
          />
          <TextField
            label="From"
            type="date"
            value={filters.from ?? ""}
            onChange={(value) => set({ from: value, page: null, docs: null })}
          />
          <TextField
            label="To"
            type="date"
            value={filters.to ?? ""}
            onChange={(value) => set({ to: value, page: null, docs: null })}
          />
          <SelectField
            label="Documents"
            value={kind ?? ""}
            placeholder="Invoices and credit notes"
            onChange={(value) => set({ kind: value, docs: null })}
            options={[
              { value: "INVOICE", label: "Invoices" },
              { value: "CREDIT", label: "Credit notes" },
            ]}
          />
        </div>
      </Card>
      <div className="mt-6 space-y-6">
        <Card title="Orders at your storefront">
          {orders.isError && <Alert tone="error">{apiErrorMessage(orders.error)}</Alert>}
          {orders.isPending && <Loading />}
          {orders.data && (
            <>
              <Table
                rows={orders.data.items}
                rowKey={(row) => row.id}
                empty="No orders at your storefront for these filters."
                columns={[
                  { header: "Order", cell: (row) => <span className="font-mono">{row.number}</span> },
                  { header: "Placed", cell: (row) => formatDate(row.createdAt) },
                  { header: "End-customer", cell: (row) => row.endCustomer.companyName },
                  {
                    header: "They were invoiced",
                    cell: (row) =>
                      `${formatMoney(row.endCustomerSide.invoiced, row.currency)} − ${formatMoney(row.endCustomerSide.credited, row.currency)} = ${formatMoney(row.endCustomerSide.balance, row.currency)}`,
                    className: "text-right",
                  },
                  {
                    header: "You were invoiced",
                    cell: (row) =>
                      `${formatMoney(row.resellerSide.invoiced, row.currency)} − ${formatMoney(row.resellerSide.credited, row.currency)} = ${formatMoney(row.resellerSide.balance, row.currency)}`,
                    className: "text-right",
                  },
                  {
                    header: "Margin (excl. tax)",
                    cell: (row) => <strong data-testid="margin">{formatMoney(row.margin, row.currency)}</strong>,
                    className: "text-right",
                  },
                ]}
              />
              <Pagination
                page={orders.data.page}
                pageSize={orders.data.pageSize}
                total={orders.data.total}
                onPage={(page) => set({ page: String(page) })}
              />
            </>
          )}
        </Card>
        <Card title="Invoices and credit notes you issued">
          {documents.isError && <Alert tone="error">{apiErrorMessage(documents.error)}</Alert>}
          {documents.data && (
            <>
              <Table
                rows={documents.data.items}
                rowKey={(row) => row.id}
                empty="No documents for these filters."
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
                  { header: "To", cell: (row) => row.account.companyName },
                  { header: "Issued", cell: (row) => formatDate(row.issuedAt) },
                  { header: "Total", cell: (row) => formatMoney(row.gross, row.currency), className: "text-right" },
                  { header: "State", cell: (row) => <InvoiceStatusBadge state={row.state} /> },
                  {
                    header: "PDF",
                    cell: (row) => (
                      <a href={`/api/storefront/invoices/${row.id}/pdf`} className="text-brand-700 hover:underline">
                        PDF
                      </a>
                    ),
                  },
                ]}
              />
              <Pagination
                page={documents.data.page}
                pageSize={documents.data.pageSize}
                total={documents.data.total}
                onPage={(page) => set({ docs: String(page) })}
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
