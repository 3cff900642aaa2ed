import {
  Alert,
  Card,
  InvoiceStatusBadge,
  Loading,
  Pagination,
  Table,
  apiErrorMessage,
  formatDate,
  formatMoney,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

type Row = RouterOutputs["bss"]["account"]["storefrontOrders"]["items"][number];

const side = (tier: Row["endCustomerSide"], currency: string) =>
  `${formatMoney(tier.invoiced, currency)} − ${formatMoney(tier.credited, currency)} = ${formatMoney(tier.balance, currency)}`;

/**
 * A reseller's two-tier orders: what its end-customers ordered at its
 * storefront, the reseller's invoice to the end-customer (its side, read-only
 * here) and ours to the reseller, reconciled.
 */
export function StorefrontOrdersCard({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const orders = useQuery({
    ...trpc.bss.account.storefrontOrders.queryOptions({ accountId, page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="Orders at its storefront">
      {orders.isError && <Alert tone="error">{apiErrorMessage(orders.error)}</Alert>}
      {orders.isPending && <Loading />}
      {orders.data && (
        <>
          <Table
            rows={orders.data.items}
            rowKey={(row) => row.id}
            empty="None of its end-customers has ordered at its storefront."
            columns={[
              {
                header: "Order",
                cell: (row) => (
                  <Link to={`/orders/${row.id}`} className="font-mono text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                ),
              },
              { header: "Placed", cell: (row) => formatDate(row.createdAt) },
              { header: "End-customer", cell: (row) => row.endCustomer.companyName },
              {
                header: "Documents",
                cell: (row) => (
                  <ul className="space-y-1">
                    {row.documents.map((document) => (
                      <li key={document.id} className="flex items-center gap-2 whitespace-nowrap">
                        <Link to={`/invoices/${document.id}`} className="font-mono text-brand-700 hover:underline">
                          {document.number}
                        </Link>
                        <span className="text-xs text-slate-500">
                          {document.issuedBy === "RESELLER" ? "reseller → end-customer" : "us → reseller"}
                        </span>
                        <InvoiceStatusBadge state={document.state} />
                      </li>
                    ))}
                  </ul>
                ),
              },
              {
                header: "End-customer invoiced",
                cell: (row) => side(row.endCustomerSide, row.currency),
                className: "text-right",
              },
              {
                header: "Reseller invoiced",
                cell: (row) => side(row.resellerSide, row.currency),
                className: "text-right",
              },
              { header: "Margin", cell: (row) => formatMoney(row.margin, row.currency), className: "text-right" },
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
    </Card>
  );
}
