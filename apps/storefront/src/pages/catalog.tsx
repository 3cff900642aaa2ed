import {
  Alert,
  Badge,
  Button,
  EmptyState,
  Loading,
  PageHeader,
  TextField,
  apiErrorMessage,
  cn,
  formatMoney,
  taxPhrase,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { catalogBrowseInput } from "./catalog-query.ts";
import { SyncNotice } from "../components/sync-notice.tsx";
import { StorefrontPriceNote } from "../plans/storefront-price.tsx";

type Catalog = RouterOutputs["storefront"]["catalog"]["browse"];
type Product = Catalog["products"][number];

export function CatalogPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const { categoryId, search: searched } = catalogBrowseInput(params);
  const [search, setSearch] = useState(searched ?? "");
  const [debounced, setDebounced] = useState(search);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const me = useQuery(trpc.storefront.account.me.queryOptions());
  const catalog = useQuery({
    ...trpc.storefront.catalog.browse.queryOptions({ search: debounced || undefined, categoryId }),
    placeholderData: keepPreviousData,
  });

  const chooseCategory = (id?: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set("category", id);
    else next.delete("category");
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="BitTitan migration licenses"
        subtitle="MigrationWiz licenses for mailbox, user and tenant migrations"
      />
      {catalog.data && !catalog.data.synchronized && me.data?.account.kind !== "END_CUSTOMER" && (
        <div className="mb-6">
          <SyncNotice />
        </div>
      )}
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <div className="w-full max-w-sm">
          <TextField label="Search products" type="search" value={search} onChange={setSearch} />
        </div>
        {catalog.data && catalog.data.categories.length > 0 && (
          <div className="flex flex-wrap gap-2" role="group" aria-label="Categories">
            <CategoryChip active={!categoryId} onClick={() => chooseCategory()}>
              All
            </CategoryChip>
            {catalog.data.categories.map((category) => (
              <CategoryChip
                key={category.id}
                active={categoryId === category.id}
                onClick={() => chooseCategory(category.id)}
              >
                {category.name}
              </CategoryChip>
            ))}
          </div>
        )}
      </div>
      {catalog.isPending && <Loading />}
      {catalog.isError && <Alert tone="error">{apiErrorMessage(catalog.error)}</Alert>}
      {catalog.data && (
        <ProductList
          catalog={catalog.data}
          search={debounced}
          category={catalog.data.categories.find((category) => category.id === categoryId)?.name ?? null}
          onSearchAll={() => chooseCategory()}
        />
      )}
    </>
  );
}

function CategoryChip({ active, onClick, children }: { active: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cn(
        "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
        active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
      )}
    >
      {children}
    </button>
  );
}

/**
 * The products in the BitTitan Product Group's order (the order staff set),
 * each with its category. A search inside a category that finds nothing there
 * says how many the other categories have, one click away.
 */
function ProductList({
  catalog,
  search,
  category,
  onSearchAll,
}: {
  catalog: Catalog;
  search: string;
  category: string | null;
  onSearchAll: () => void;
}) {
  if (catalog.products.length === 0) {
    if (!search) return <EmptyState title="No products are available yet" />;
    return (
      <EmptyState
        title={category ? `No product in “${category}” matches “${search}”` : `No product matches “${search}”`}
      >
        {category && catalog.elsewhere > 0 && (
          <Button variant="secondary" size="sm" onClick={onSearchAll}>
            Search all categories ({catalog.elsewhere} found)
          </Button>
        )}
      </EmptyState>
    );
  }
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Products">
      {catalog.products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}

function ProductCard({ product }: { product: Product }) {
  return (
    <li className="flex flex-col rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap gap-2">
        <Badge tone="blue">{product.productTypeName}</Badge>
        {product.category && <Badge tone="gray">{product.category.name}</Badge>}
      </div>
      <h3 className="mt-3 text-base font-semibold">
        <Link to={`/products/${product.slug}`} className="text-slate-900 hover:text-brand-700">
          {product.name}
        </Link>
      </h3>
      <p className="mt-2 line-clamp-3 flex-1 text-sm text-slate-600">{product.description}</p>
      <p className="mt-4 text-sm">
        {product.unitPrice ? (
          <>
            <span className="text-lg font-semibold text-slate-900">
              {formatMoney(product.unitPrice, product.currency)}
            </span>{" "}
            <span className="text-slate-500">per license, {taxPhrase(product.taxRate, product.taxRegime)}</span>
          </>
        ) : (
          <span className="text-slate-500">Not sold in {product.currency}</span>
        )}
      </p>
      <StorefrontPriceNote
        unitPrice={product.unitPrice}
        storefrontPrice={product.storefrontPrice}
        currency={product.currency}
      />
    </li>
  );
}
