import {
  Alert,
  Button,
  PageHeader,
  Pagination,
  SubscriptionStatusBadge,
  Table,
  apiErrorMessage,
  formatDate,
  formatMoney,
  periodLabel,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

/** The reseller's plan subscriptions, with Actions > Cancel the subscription. */
export function SubscriptionsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...trpc.storefront.subscription.list.queryOptions({ page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
  const cancel = useMutation(
    trpc.storefront.subscription.cancel.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.storefront.pathKey() }),
    }),
  );
  return (
    <>
      <PageHeader
        title="Subscriptions"
        subtitle="Your reseller plan subscriptions"
        actions={
          <Link to="/plans">
            <Button variant="secondary">Reseller Plans</Button>
          </Link>
        }
      />
      {list.isError && <Alert tone="error">{apiErrorMessage(list.error)}</Alert>}
      {cancel.isError && <Alert tone="error">{apiErrorMessage(cancel.error)}</Alert>}
      {list.data && (
        <>
          <Table
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty="No subscriptions: you are on the Basic plan."
            columns={[
              {
                header: "Subscription",
                cell: (row) => (
                  <Link to={`/subscriptions/${row.id}`} className="font-mono text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                ),
              },
              { header: "Plan", cell: (row) => row.plan.name },
              { header: "Status", cell: (row) => <SubscriptionStatusBadge status={row.status} /> },
              { header: "Alias", cell: (row) => row.storefrontAlias ?? "—" },
              {
                header: "Price",
                cell: (row) => `${formatMoney(row.unitPrice, row.currency)} / ${periodLabel(row.billingPeriodMonths)}`,
              },
              { header: "Started", cell: (row) => formatDate(row.startedAt, row.timeZone) },
              {
                header: "Renews / ends",
                cell: (row) =>
                  row.endedAt
                    ? `Ended ${formatDate(row.endedAt, row.timeZone)}`
                    : formatDate(row.currentPeriodEnd, row.timeZone),
              },
              {
                header: "Actions",
                cell: (row) =>
                  row.status === "ACTIVE" ? (
                    <details className="relative">
                      <summary className="cursor-pointer text-sm text-brand-700">Actions</summary>
                      <div className="absolute right-0 z-10 mt-1 w-56 rounded-md bg-white p-1 shadow ring-1 ring-slate-200">
                        <button
                          type="button"
                          className="w-full rounded px-3 py-2 text-left text-sm text-red-700 hover:bg-red-50"
                          onClick={() => cancel.mutate({ id: row.id })}
                        >
                          Cancel the subscription
                        </button>
                      </div>
                    </details>
                  ) : null,
              },
            ]}
          />
          <Pagination page={page} pageSize={25} total={list.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
