import { countryName } from "@cm/domain/countries";
import { Alert, Button, PageHeader, Pagination, Table, TextField, apiErrorMessage } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";

export function EndCustomersPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [debounced, setDebounced] = useState("");
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(search);
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useQuery({
    ...trpc.storefront.endCustomer.list.queryOptions({ search: debounced || undefined, page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="My end-customers"
        subtitle="The companies you buy licenses for"
        actions={
          <Link to="/end-customers/new">
            <Button>New end-customer</Button>
          </Link>
        }
      />
      <div className="mb-4 max-w-sm">
        <TextField
          label="Search"
          type="search"
          placeholder="Company, email or number"
          value={search}
          onChange={setSearch}
        />
      </div>
      {list.isError && <Alert tone="error">{apiErrorMessage(list.error)}</Alert>}
      {list.data && (
        <>
          <Table
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={debounced ? `No end-customer matches “${debounced}”.` : "You have no end-customers yet."}
            columns={[
              { header: "Number", cell: (row) => <span className="font-mono text-xs">{row.number}</span> },
              {
                header: "Company",
                cell: (row) => (
                  <Link to={`/end-customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.companyName}
                  </Link>
                ),
              },
              { header: "Email", cell: (row) => row.email },
              { header: "Country", cell: (row) => countryName(row.country) },
            ]}
          />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
