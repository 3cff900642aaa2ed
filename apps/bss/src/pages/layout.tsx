import { Loading, type NavItem } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { SignedInLayout } from "@cm/ui/app";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "react-router";
import { ROLE_LABELS, type Permission } from "../components/use-can.ts";

const NAV: (NavItem & { needs?: Permission })[] = [
  { to: "/accounts", label: "Accounts" },
  { to: "/orders", label: "Orders" },
  { to: "/subscriptions", label: "Subscriptions" },
  { to: "/assets", label: "Assets" },
  { to: "/invoices", label: "Invoices" },
  { to: "/catalog", label: "Catalog" },
  { to: "/setup/bittitan", label: "BitTitan" },
  { to: "/setup/notifications", label: "Notifications" },
  { to: "/setup/company", label: "Company" },
  // Areas a role cannot use at all are left out of the navigation.
  { to: "/setup/staff", label: "Staff", needs: "staff.manage" },
  { to: "/setup/branding", label: "Branding", needs: "notifications.setup" },
  { to: "/setup/api-keys", label: "API keys", needs: "apiKeys.manage" },
  { to: "/setup/webhooks", label: "Webhooks", needs: "apiKeys.manage" },
];

/** Every BSS page but the login: needs a staff session. */
export function Layout() {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.bss.staff.me.queryOptions(), retry: false });

  if (me.isPending) return <Loading />;
  if (me.isError) return <Navigate to="/login" replace />;

  return (
    <SignedInLayout
      realm="staff"
      brand={
        <span>
          CloudMarket <span className="text-brand-600">BSS</span>
        </span>
      }
      nav={NAV.filter((item) => !item.needs || me.data.permissions.includes(item.needs)).map(({ to, label }) => ({
        to,
        label,
      }))}
      who={`${me.data.name} · ${ROLE_LABELS[me.data.role]}`}
    />
  );
}
