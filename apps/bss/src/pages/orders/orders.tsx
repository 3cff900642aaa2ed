import {
  Alert,
  Badge,
  Button,
  PageHeader,
  Pagination,
  SelectField,
  Table,
  TextField,
  apiErrorMessage,
  formatDateTime,
  formatMoney,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useDebounced } from "../../components/use-debounced.ts";
import { useUrlFilters } from "../../components/use-url-filters.ts";
import { useCan } from "../../components/use-can.ts";

export const ORDER_STATUS = {
  DRAFT: { label: "Draft", tone: "yellow" },
  COMPLETED: { label: "Completed", tone: "green" },
  CANCELLED: { label: "Cancelled", tone: "gray" },
} as const;

/** Sales > Orders */
export function OrdersPage() {
  const trpc = useTRPC();
  const can = useCan();
  const { params, update, page } = useUrlFilters();
  const search = params.get("q") ?? "";
  const status = (params.get("status") ?? "") as keyof typeof ORDER_STATUS | "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const accountId = params.get("account") ?? undefined;
  const debounced = useDebounced(search);
  const orders = useQuery({
    ...trpc.bss.order.list.queryOptions({
      search: debounced || undefined,
      status: status || undefined,
      accountId,
      from: from ? new Date(`${from}T00:00:00Z`) : undefined,
      to: to ? new Date(`${to}T23:59:59Z`) : undefined,
      page,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Orders"
        subtitle="Storefront checkouts and orders placed here on behalf of accounts"
        actions={
          can("orders.edit") && (
            <Link to="/orders/new">
              <Button>New order</Button>
            </Link>
          )
        }
      />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-4">
        <TextField
          label="Search"
          type="search"
          placeholder="Order number or company"
          value={search}
          onChange={(value) => update({ q: value, page: "" })}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => update({ status: value, page: "" })}
          placeholder="All"
          options={Object.entries(ORDER_STATUS).map(([value, { label }]) => ({ value, label }))}
        />
        <TextField label="From" type="date" value={from} onChange={(value) => update({ from: value, page: "" })} />
        <TextField label="To" type="date" value={to} onChange={(value) => update({ to: value, page: "" })} />
      </div>
      {accountId && (
        <p className="mb-3 text-sm text-slate-600">
          Showing one account&apos;s orders.{" "}
          <button type="button" className="text-brand-700 underline" onClick={() => update({ account: "" })}>
            Show all
          </button>
        </p>
      )}
      {orders.isError && <Alert tone="error">{apiErrorMessage(orders.error)}</Alert>}
      {orders.data && (
        <>
          <Table
            rows={orders.data.items}
            rowKey={(row) => row.id}
            empty="No orders match."
            columns={[
              {
                header: "Order",
                cell: (row) => (
                  <Link to={`/orders/${row.id}`} className="font-mono text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                ),
              },
              { header: "Date", cell: (row) => formatDateTime(row.createdAt) },
              {
                header: "Account",
                cell: (row) => (
                  <Link to={`/accounts/${row.account.id}`} className="hover:underline">
                    {row.account.companyName}
                  </Link>
                ),
              },
              { header: "For", cell: (row) => row.recipient.companyName },
              { header: "Channel", cell: (row) => (row.channel === "BSS" ? "BSS" : "Storefront") },
              { header: "Total", cell: (row) => formatMoney(row.gross, row.currency), className: "text-right" },
              {
                header: "Status",
                cell: (row) => <Badge tone={ORDER_STATUS[row.status].tone}>{ORDER_STATUS[row.status].label}</Badge>,
              },
              { header: "Licenses", cell: (row) => <LicensesBadge licenses={row.licenses} /> },
            ]}
          />
          <Pagination
            page={orders.data.page}
            pageSize={orders.data.pageSize}
            total={orders.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      )}
    </>
  );
}

/** The order's assets that are not cancelled, by coupon sync status: failures first, they need someone. */
function LicensesBadge({ licenses }: { licenses: { synchronized: number; pending: number; failed: number } }) {
  if (licenses.failed > 0) return <Badge tone="red">{licenses.failed} failed</Badge>;
  if (licenses.pending > 0) return <Badge tone="yellow">{licenses.pending} pending</Badge>;
  if (licenses.synchronized > 0) return <Badge tone="green">Synchronized</Badge>;
  return <span className="text-slate-400">—</span>;
}
