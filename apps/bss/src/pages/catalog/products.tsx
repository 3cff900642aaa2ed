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
  formatMoney,
  taxCategoryLabel,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useDebounced } from "../../components/use-debounced.ts";
import { CatalogTabs } from "./catalog-tabs.tsx";
import { useCan } from "../../components/use-can.ts";

export function ProductsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const [search, setSearch] = useState("");
  const [published, setPublished] = useState("");
  const [page, setPage] = useState(1);
  const debounced = useDebounced(search);
  const products = useQuery({
    ...trpc.bss.catalog.listProducts.queryOptions({
      search: debounced || undefined,
      published: published === "" ? undefined : published === "yes",
      page,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Catalog"
        subtitle="BitTitan license products sold on the Storefront"
        actions={
          can("catalog.edit") && (
            <Link to="/catalog/products/new">
              <Button>New product</Button>
            </Link>
          )
        }
      />
      <CatalogTabs />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          label="Search"
          type="search"
          placeholder="Name or SKU"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setPage(1);
          }}
        />
        <SelectField
          label="Published"
          value={published}
          onChange={(value) => {
            setPublished(value);
            setPage(1);
          }}
          placeholder="All"
          options={[
            { value: "yes", label: "Published" },
            { value: "no", label: "Not published" },
          ]}
        />
      </div>
      {products.isError && <Alert tone="error">{apiErrorMessage(products.error)}</Alert>}
      {products.data && (
        <>
          <Table
            rows={products.data.items}
            rowKey={(row) => row.id}
            empty="No products yet. Import the BitTitan services definition (Setup > BitTitan), then create one."
            columns={[
              { header: "SKU", cell: (row) => <span className="whitespace-nowrap font-mono text-xs">{row.sku}</span> },
              {
                header: "Name",
                cell: (row) => (
                  <Link to={`/catalog/products/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                ),
              },
              { header: "Type", cell: (row) => row.productType.name },
              { header: "Category", cell: (row) => row.category?.name ?? "—" },
              {
                header: "Prices",
                cell: (row) => row.prices.map((price) => formatMoney(price.unitPrice, price.currency)).join(" · "),
              },
              { header: "Tax", cell: (row) => taxCategoryLabel(row.taxCategory) },
              { header: "Expire / Validity", cell: (row) => `${row.expireDays} / ${row.validityDays} days` },
              {
                header: "Status",
                cell: (row) => (row.published ? <Badge tone="green">Published</Badge> : <Badge>Draft</Badge>),
              },
            ]}
          />
          <Pagination
            page={products.data.page}
            pageSize={products.data.pageSize}
            total={products.data.total}
            onPage={setPage}
          />
        </>
      )}
    </>
  );
}
