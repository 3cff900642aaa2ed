import { countryName } from "@cm/domain/countries";
import { Alert, Button, PageHeader, Pagination, SelectField, Table, TextField, apiErrorMessage } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { KIND_LABELS, KindBadge, StatusBadge } from "../../components/labels.tsx";
import { useDebounced } from "../../components/use-debounced.ts";
import { useUrlFilters } from "../../components/use-url-filters.ts";
import { useCan } from "../../components/use-can.ts";

const KIND_OPTIONS = (["RESELLER", "DIRECT_CUSTOMER", "END_CUSTOMER"] as const).map((kind) => ({
  value: kind,
  label: KIND_LABELS[kind],
}));
type CustomerKind = (typeof KIND_OPTIONS)[number]["value"];

export function AccountsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const { params, update, page } = useUrlFilters();
  const search = params.get("q") ?? "";
  const kind = (params.get("kind") ?? "") as CustomerKind | "";
  const debouncedSearch = useDebounced(search);

  const accounts = useQuery({
    ...trpc.bss.account.list.queryOptions({
      search: debouncedSearch || undefined,
      kind: kind || undefined,
      page,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="Accounts"
        subtitle="Resellers, direct customers and the end-customers of resellers"
        actions={
          can("accounts.edit") && (
            <Link to="/accounts/new">
              <Button>New account</Button>
            </Link>
          )
        }
      />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          label="Search"
          placeholder="Company, email or account number"
          value={search}
          onChange={(value) => update({ q: value, page: "" })}
          type="search"
        />
        <SelectField
          label="Type"
          value={kind}
          onChange={(value) => update({ kind: value, page: "" })}
          options={KIND_OPTIONS}
          placeholder="All types"
        />
      </div>
      {accounts.isError && <Alert tone="error">{apiErrorMessage(accounts.error)}</Alert>}
      {accounts.data && (
        <>
          <Table
            rows={accounts.data.items}
            rowKey={(row) => row.id}
            empty={debouncedSearch ? `No account matches “${debouncedSearch}”.` : "No accounts yet."}
            columns={[
              {
                header: "Number",
                cell: (row) => <span className="font-mono text-xs text-slate-600">{row.number}</span>,
              },
              {
                header: "Company",
                cell: (row) => (
                  <Link to={`/accounts/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.companyName}
                  </Link>
                ),
              },
              { header: "Type", cell: (row) => <KindBadge kind={row.kind} /> },
              {
                header: "Owner",
                cell: (row) => (row.kind === "END_CUSTOMER" && row.parent ? row.parent.companyName : "—"),
              },
              { header: "Email", cell: (row) => row.email },
              { header: "Country", cell: (row) => countryName(row.country) },
              { header: "Currency", cell: (row) => row.currency },
              { header: "Status", cell: (row) => <StatusBadge status={row.status} /> },
            ]}
          />
          <Pagination
            page={accounts.data.page}
            pageSize={accounts.data.pageSize}
            total={accounts.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      )}
    </>
  );
}
