import { Alert, Badge, PageHeader, Pagination, Table, apiErrorMessage, formatDate, formatMoney } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { OrderLicensesBadge } from "../components/sync-status.tsx";

export function OrdersPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const orders = useQuery({
    ...trpc.storefront.order.list.queryOptions({ page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="My orders" />
      {orders.isError && <Alert tone="error">{apiErrorMessage(orders.error)}</Alert>}
      {orders.data && (
        <>
          <Table
            rows={orders.data.items}
            rowKey={(row) => row.id}
            empty="You have not ordered anything yet."
            columns={[
              {
                header: "Order",
                cell: (row) => (
                  <Link to={`/orders/${row.id}`} className="font-mono text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                ),
              },
              { header: "Date", cell: (row) => formatDate(row.createdAt) },
              { header: "For", cell: (row) => row.recipient.companyName },
              { header: "Total", cell: (row) => formatMoney(row.gross, row.currency), className: "text-right" },
              {
                header: "Status",
                cell: (row) => (
                  <Badge tone={row.status === "COMPLETED" ? "green" : "gray"}>
                    {row.status === "COMPLETED" ? "Placed" : "Cancelled"}
                  </Badge>
                ),
              },
              // The order is complete once placed; its licenses may still be on their way, or have failed.
              { header: "Licenses", cell: (row) => <OrderLicensesBadge licenses={row.licenses} /> },
            ]}
          />
          <Pagination
            page={orders.data.page}
            pageSize={orders.data.pageSize}
            total={orders.data.total}
            onPage={setPage}
          />
        </>
      )}
    </>
  );
}
