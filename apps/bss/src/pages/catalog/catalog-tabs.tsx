import { cn } from "@cm/ui";
import { NavLink } from "react-router";

const TABS = [
  { to: "/catalog/products", label: "Products" },
  { to: "/catalog/categories", label: "Categories" },
  { to: "/catalog/product-group", label: "BitTitan Product Group" },
  { to: "/catalog/product-types", label: "Product types" },
  { to: "/catalog/plans", label: "Reseller plans" },
];

export function CatalogTabs() {
  return (
    <nav aria-label="Catalog" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          className={({ isActive }) =>
            cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
