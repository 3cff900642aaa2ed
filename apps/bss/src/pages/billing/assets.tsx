import { PageHeader } from "@cm/ui";
import { Link } from "react-router";
import { AssetTable } from "./asset-table.tsx";

/** Billing > Assets */
export function AssetsPage() {
  return (
    <>
      <PageHeader
        title="Assets"
        subtitle="Every BitTitan asset: its coupon, its provisioning and its state"
        actions={
          <Link to="/reconciliation" className="text-sm font-medium text-brand-700 hover:underline">
            Reconcile with BitTitan →
          </Link>
        }
      />
      <AssetTable />
    </>
  );
}
