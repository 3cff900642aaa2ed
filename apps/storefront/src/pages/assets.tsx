import { Alert, Button, PageHeader, SelectField, Table, TextField, apiErrorMessage, formatDate } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { CouponStateBadge, SyncStatusBadge } from "../components/sync-status.tsx";

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
  return (
    <>
      <PageHeader title="Assets" subtitle="Your BitTitan licenses and their coupon codes" />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField label="Search" type="search" placeholder="Asset name or coupon code" value={search} onChange={setSearch} />
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
        <>
          <Table
            rows={assets.data.items}
            rowKey={(row) => row.id}
            empty="No assets yet: they appear here when you order BitTitan licenses."
            columns={[
              { header: "Name", cell: (row) => <Link to={`/assets/${row.id}`} className="font-medium text-brand-700 hover:underline">{row.name}</Link> },
              { header: "Product", cell: (row) => row.product.name },
              { header: "For", cell: (row) => row.recipient.companyName },
              { header: "Licenses", cell: (row) => row.quantity, className: "text-right" },
              { header: "Coupon code", cell: (row) => <span className="font-mono text-xs">{row.couponCode ?? "—"}</span> },
              { header: "Purchased", cell: (row) => formatDate(row.purchaseDate) },
              { header: "Status", cell: (row) => (row.status === "CANCELLED" ? <CouponStateBadge state="CANCELLED" /> : row.couponState ? <CouponStateBadge state={row.couponState} /> : <SyncStatusBadge status={row.syncStatus} />) },
            ]}
          />
          <div className="mt-3 flex justify-end gap-2">
            <Button variant="secondary" size="sm" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous
            </Button>
            <Button variant="secondary" size="sm" disabled={!assets.data.nextCursor} onClick={() => assets.data.nextCursor && setCursors([...cursors, assets.data.nextCursor])}>
              Next
            </Button>
          </div>
        </>
      )}
    </>
  );
}
