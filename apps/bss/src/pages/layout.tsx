import { AppShell, Button, Loading, type NavItem } from "@cm/ui";
import { signOut, useTRPC } from "@cm/ui/api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, Outlet, useNavigate } from "react-router";

const NAV: NavItem[] = [
  { to: "/accounts", label: "Accounts" },
  { to: "/orders", label: "Orders" },
  { to: "/subscriptions", label: "Subscriptions" },
  { to: "/assets", label: "Assets" },
  { to: "/invoices", label: "Invoices" },
  { to: "/catalog", label: "Catalog" },
  { to: "/setup/bittitan", label: "BitTitan" },
  { to: "/setup/notifications", label: "Notifications" },
];
const ADMIN_NAV: NavItem[] = [
  { to: "/setup/company", label: "Company" },
  { to: "/setup/staff", label: "Staff" },
  { to: "/setup/branding", label: "Branding" },
];

/** Every BSS page but the login: needs a staff session. */
export function Layout() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery({ ...trpc.bss.staff.me.queryOptions(), retry: false });

  if (me.isPending) return <Loading />;
  if (me.isError) return <Navigate to="/login" replace />;

  async function logout() {
    await signOut("staff");
    queryClient.clear();
    void navigate("/login");
  }

  return (
    <AppShell
      brand={<span>CloudMarket <span className="text-brand-600">BSS</span></span>}
      nav={me.data.role === "ADMIN" ? [...NAV, ...ADMIN_NAV] : NAV}
      user={
        <>
          <span data-testid="current-user">
            {me.data.name} · {me.data.role === "ADMIN" ? "Admin" : "Sales"}
          </span>
          <Button variant="secondary" size="sm" onClick={logout}>
            Log out
          </Button>
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
