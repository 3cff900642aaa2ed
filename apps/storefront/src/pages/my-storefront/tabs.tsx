import { NavLink } from "react-router";

/**
 * The parts of Storefront > My storefront, one page each. A new part adds its
 * entry here and its route beside the others in router.tsx.
 */
export const MY_STOREFRONT_TABS: { to: string; label: string }[] = [
  { to: "/my-storefront", label: "Settings" },
  { to: "/my-storefront/customers", label: "Customers" },
  { to: "/my-storefront/brand", label: "Brand" },
  { to: "/my-storefront/prices", label: "Special prices" },
  { to: "/my-storefront/sales", label: "Sales" },
];

export function MyStorefrontTabs() {
  return (
    <nav aria-label="My storefront" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {MY_STOREFRONT_TABS.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end
          className={({ isActive }) =>
            isActive
              ? "-mb-px border-b-2 border-brand-600 px-3 py-2 text-sm font-medium text-brand-700"
              : "-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-slate-600 hover:text-slate-900"
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
