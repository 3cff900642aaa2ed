import { AppShell, Button, Loading, type NavItem } from "@cm/ui";
import { signOut, useTRPC } from "@cm/ui/api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { resellerStorefront } from "../reseller-storefront.ts";

/** Every Storefront page but the login: needs a customer session. */
export function Layout() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useQuery({ ...trpc.storefront.account.me.queryOptions(), retry: false });

  if (me.isPending) return <Loading />;
  if (me.isError) return <Navigate to="/login" replace />;

  // End-customers do not buy (their reseller does): they see their licenses and their account.
  const buyer = me.data.account.kind !== "END_CUSTOMER";
  const nav: NavItem[] = buyer
    ? [
        { to: "/", label: "Catalog", end: true },
        { to: "/basket", label: "Basket" },
        { to: "/orders", label: "Orders" },
        { to: "/assets", label: "Assets" },
        { to: "/invoices", label: "Invoices" },
        { to: "/account", label: "Account" },
      ]
    : [
        // At its reseller's own storefront an end-customer also sees the catalog, at the reseller's prices.
        ...(resellerStorefront ? [{ to: "/", label: "Catalog", end: true }] : []),
        { to: "/assets", label: "Assets" },
        { to: "/account", label: "My account" },
      ];
  if (me.data.account.kind === "RESELLER") {
    // The Plans page links to the subscriptions list.
    nav.push({ to: "/end-customers", label: "End-customers" }, { to: "/plans", label: "Plans" });
  }
  if (!buyer && !resellerStorefront && location.pathname === "/") return <Navigate to="/assets" replace />;

  async function logout() {
    await signOut("shop");
    queryClient.clear();
    void navigate("/login");
  }

  return (
    <AppShell
      brand={
        resellerStorefront ? (
          <span style={{ color: resellerStorefront.primaryColor }} data-testid="storefront-name">
            {resellerStorefront.displayName}
          </span>
        ) : (
          <span>CloudMarket <span className="text-brand-600">Storefront</span></span>
        )
      }
      nav={nav}
      user={
        <>
          <span data-testid="current-user">
            {me.data.me.name} · {me.data.account.companyName}
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
