import { Alert, AssetTable as AssetRows, SelectField, TextField, apiErrorMessage, assetColumns } from "@cm/ui";
import type { RouterOutputs } from "@cm/domain/client";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useDebounced } from "../../components/use-debounced.ts";
import { useUrlFilters } from "../../components/use-url-filters.ts";
import { useCan } from "../../components/use-can.ts";
import { COUPON_OPTIONS, CouponBadge, SYNC_OPTIONS, SyncBadge } from "./asset-badges.tsx";
import { RetryFailed } from "./retry-failed.tsx";

type Sort = "newest" | "oldest" | "name";
type Row = RouterOutputs["bss"]["asset"]["list"]["items"][number];

/** Each filter's name in the URL. */
const URL_KEY = {
  productId: "product",
  syncStatus: "sync",
  couponState: "coupon",
  from: "from",
  to: "to",
  sort: "sort",
} as const;

/** Assets with filters and cursor paging; the whole list, or one account's. */
export function AssetTable({ accountId }: { accountId?: string }) {
  const trpc = useTRPC();
  // The filters live in the URL (a filtered list can be shared and survives a reload); the search box
  // follows its own state and reaches the URL once typing pauses.
  const { params, update } = useUrlFilters();
  const [search, setSearch] = useState(params.get("search") ?? "");
  const filters = {
    productId: params.get("product") ?? "",
    syncStatus: params.get("sync") ?? "",
    couponState: params.get("coupon") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    sort: (params.get("sort") ?? "newest") as Sort,
  };
  const [cursors, setCursors] = useState<string[]>([]);
  const debounced = useDebounced(search);
  useEffect(() => {
    if (debounced !== (params.get("search") ?? "")) update({ search: debounced });
  }, [debounced, params, update]);
  const products = useQuery(trpc.bss.catalog.listProducts.queryOptions({ page: 1, pageSize: 100 }));
  const can = useCan();
  const filter = {
    accountId,
    search: debounced || undefined,
    productId: filters.productId || undefined,
    syncStatus: (filters.syncStatus || undefined) as "PENDING" | "SYNCHRONIZED" | "FAILED" | undefined,
    couponState: (filters.couponState || undefined) as "ACTIVE" | "REDEEMED" | "EXPIRED" | "CANCELLED" | undefined,
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59Z`) : undefined,
  };
  const input = {
    ...filter,
    sort: filters.sort,
    cursor: cursors.at(-1),
    limit: 25,
  };
  // While an asset on the page is being provisioned (or retried), the page follows it.
  const assets = useQuery({
    ...trpc.bss.asset.list.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.syncStatus === "PENDING") ? 2000 : false),
  });
  const count = useQuery({ ...trpc.bss.asset.count.queryOptions(filter), placeholderData: keepPreviousData });
  const columns = assetColumns<Row>();
  const set = (key: keyof typeof filters) => (value: string) => {
    update({ [URL_KEY[key]]: key === "sort" && value === "newest" ? "" : value });
    setCursors([]);
  };

  return (
    <div>
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-7">
        <div className="col-span-2">
          <TextField
            label="Search"
            type="search"
            placeholder="Asset name or coupon code"
            value={search}
            onChange={(value) => {
              setSearch(value);
              setCursors([]);
            }}
          />
        </div>
        <SelectField
          label="Product"
          value={filters.productId}
          onChange={set("productId")}
          placeholder="All"
          options={(products.data?.items ?? []).map((product) => ({ value: product.id, label: product.name }))}
        />
        <SelectField
          label="Sync status"
          value={filters.syncStatus}
          onChange={set("syncStatus")}
          placeholder="All"
          options={SYNC_OPTIONS}
        />
        <SelectField
          label="Coupon state"
          value={filters.couponState}
          onChange={set("couponState")}
          placeholder="All"
          options={COUPON_OPTIONS}
        />
        <TextField label="Purchased from" type="date" value={filters.from} onChange={set("from")} />
        <TextField label="Purchased to" type="date" value={filters.to} onChange={set("to")} />
      </div>
      <div className="mb-3 w-48">
        <SelectField
          label="Sort"
          value={filters.sort}
          onChange={set("sort")}
          options={[
            { value: "newest", label: "Newest first" },
            { value: "oldest", label: "Oldest first" },
            { value: "name", label: "Name" },
          ]}
        />
      </div>
      {can("reconciliation.fix") && <RetryFailed filter={filter} />}
      {assets.isError && <Alert tone="error">{apiErrorMessage(assets.error)}</Alert>}
      {count.data && (
        <p className="mb-2 text-sm text-slate-600" data-testid="asset-count">
          {count.data.capped
            ? `More than ${count.data.count.toLocaleString("en")} assets`
            : `${count.data.count.toLocaleString("en")} ${count.data.count === 1 ? "asset" : "assets"}`}
        </p>
      )}
      {assets.data && (
        <AssetRows
          rows={assets.data.items}
          empty="No assets match."
          columns={[
            columns.name,
            { header: "Account", cell: (row) => row.account.companyName },
            columns.recipient,
            columns.product,
            columns.licenses,
            columns.couponCode,
            columns.purchased,
            { header: "Sync", cell: (row) => <SyncBadge status={row.syncStatus} retry={row.retry} /> },
            {
              header: "Coupon",
              cell: (row) => <CouponBadge state={row.status === "CANCELLED" ? "CANCELLED" : row.couponState} />,
            },
          ]}
          cursors={cursors}
          nextCursor={assets.data.nextCursor}
          onCursors={setCursors}
          showPage
        />
      )}
    </div>
  );
}
