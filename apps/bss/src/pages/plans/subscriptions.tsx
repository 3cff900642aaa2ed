import {
  Alert,
  PageHeader,
  Pagination,
  SelectField,
  SUBSCRIPTION_STATUS,
  SubscriptionStatusBadge,
  Table,
  TextField,
  apiErrorMessage,
  formatDate,
  formatMoney,
  periodLabel,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useDebounced } from "../../components/use-debounced.ts";
import { useUrlFilters } from "../../components/use-url-filters.ts";

/** Sales > Subscriptions: every reseller's plan subscriptions. */
export function SubscriptionsPage() {
  const trpc = useTRPC();
  const { params, update, page } = useUrlFilters();
  const search = params.get("q") ?? "";
  const status = (params.get("status") ?? "") as keyof typeof SUBSCRIPTION_STATUS | "";
  const accountId = params.get("account") ?? undefined;
  const debounced = useDebounced(search);
  const list = useQuery({
    ...trpc.bss.subscription.list.queryOptions({
      search: debounced || undefined,
      status: status || undefined,
      accountId,
      page,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Subscriptions"
        subtitle="Resellers' Free and Standard plan subscriptions (a reseller without one is on Basic)"
      />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          label="Search"
          type="search"
          placeholder="Subscription number or company"
          value={search}
          onChange={(value) => update({ q: value, page: "" })}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => update({ status: value, page: "" })}
          placeholder="All"
          options={Object.entries(SUBSCRIPTION_STATUS).map(([value, { label }]) => ({ value, label }))}
        />
      </div>
      {list.isError && <Alert tone="error">{apiErrorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Table
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty="No subscriptions match."
            columns={[
              {
                header: "Subscription",
                cell: (row) => (
                  <Link to={`/subscriptions/${row.id}`} className="font-mono text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                ),
              },
              {
                header: "Reseller",
                cell: (row) => (
                  <Link to={`/accounts/${row.account.id}`} className="hover:underline">
                    {row.account.companyName}
                  </Link>
                ),
              },
              { header: "Plan", cell: (row) => row.plan.name },
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
              { header: "Status", cell: (row) => <SubscriptionStatusBadge status={row.status} /> },
            ]}
          />
          <Pagination
            page={page}
            pageSize={25}
            total={list.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      )}
    </>
  );
}
