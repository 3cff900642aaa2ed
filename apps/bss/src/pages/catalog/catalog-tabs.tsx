import { Alert, PageHeader, cn } from "@cm/ui";
import type { ReactNode } from "react";
import { Link, NavLink } from "react-router";
import { useCan } from "../../components/use-can.ts";

const TABS = [
  { to: "/catalog/products", label: "Products" },
  { to: "/catalog/categories", label: "Categories" },
  { to: "/catalog/product-group", label: "BitTitan Product Group" },
  { to: "/catalog/product-types", label: "Product types" },
  { to: "/catalog/price-lists", label: "Price lists" },
  { to: "/catalog/tax-rates", label: "Tax rates" },
  { to: "/catalog/plans", label: "Reseller plans" },
];

export function CatalogTabs() {
  const can = useCan();
  return (
    <>
      {!can("catalog.edit") && (
        <div className="mb-4">
          <Alert tone="info">
            You can look at the catalog, price lists and reseller plans; only administrators change them.
          </Alert>
        </div>
      )}
      <nav aria-label="Catalog" className="mb-6 flex gap-1 border-b border-slate-200">
        {TABS.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            className={({ isActive }) =>
              cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )
            }
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
    </>
  );
}

/** A Catalog tab with a main column and, beside it, a side column (a form, details). */
export function CatalogColumnsPage({
  title = "Catalog",
  subtitle,
  actions,
  side,
  children,
}: {
  title?: string;
  subtitle: string;
  actions?: ReactNode;
  side: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={actions} />
      <CatalogTabs />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">{children}</div>
        <div className="space-y-6">{side}</div>
      </div>
    </>
  );
}

/** The link to a catalog record in a table's first column. */
export function CatalogLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="font-medium text-brand-700 hover:underline">
      {children}
    </Link>
  );
}
