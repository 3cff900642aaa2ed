import { Alert, AssetTable, PageHeader, SelectField, TextField, apiErrorMessage, assetColumns } from "@cm/ui";
import type { RouterOutputs } from "@cm/domain/client";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CouponStateBadge, SyncStatusBadge } from "../components/sync-status.tsx";

type Row = RouterOutputs["storefront"]["asset"]["list"]["items"][number];

/** Billing > Assets: the caller's own assets and, for a reseller, its end-customers'. */
export function AssetsPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [debounced, setDebounced] = useState("");
  const [syncStatus, setSyncStatus] = useState("");
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(search);
      setCursors([]);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const assets = useQuery({
    ...trpc.storefront.asset.list.queryOptions({
      search: debounced || undefined,
      syncStatus: (syncStatus || undefined) as "FAILED" | "SYNCHRONIZED" | "PENDING" | undefined,
      sort: "newest",
      cursor: cursors.at(-1),
      limit: 25,
    }),
    placeholderData: keepPreviousData,
  });
  const columns = assetColumns<Row>();
  return (
    <>
      <PageHeader title="Assets" subtitle="Your BitTitan licenses and their coupon codes" />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          label="Search"
          type="search"
          placeholder="Asset name or coupon code"
          value={search}
          onChange={setSearch}
        />
        <SelectField
          label="Provisioning"
          value={syncStatus}
          onChange={(value) => {
            setSyncStatus(value);
            setCursors([]);
          }}
          placeholder="All"
          options={[
            { value: "SYNCHRONIZED", label: "Synchronized" },
            { value: "FAILED", label: "Failed" },
            { value: "PENDING", label: "Being created" },
          ]}
        />
      </div>
      {assets.isError && <Alert tone="error">{apiErrorMessage(assets.error)}</Alert>}
      {assets.data && (
        <AssetTable
          rows={assets.data.items}
          empty="No assets yet: they appear here when you order BitTitan licenses."
          columns={[
            columns.name,
            columns.product,
            columns.recipient,
            columns.licenses,
            columns.couponCode,
            columns.purchased,
            {
              header: "Status",
              cell: (row) =>
                row.status === "CANCELLED" ? (
                  <CouponStateBadge state="CANCELLED" />
                ) : row.couponState ? (
                  <CouponStateBadge state={row.couponState} />
                ) : (
                  <SyncStatusBadge status={row.syncStatus} />
                ),
            },
          ]}
          cursors={cursors}
          nextCursor={assets.data.nextCursor}
          onCursors={setCursors}
        />
      )}
    </>
  );
}
