import { Loading, type NavItem } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { SignedInLayout } from "@cm/ui/app";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Navigate, useLocation } from "react-router";
import { catalogBrowseInput } from "./catalog-query.ts";
import { resellerStorefront } from "../reseller-storefront.ts";
import { useStorefrontBrand } from "./brand.ts";

/** Every Storefront page but the login: needs a customer session. */
export function Layout() {
  const trpc = useTRPC();
  const location = useLocation();
  const storefrontBrand = useStorefrontBrand();
  const me = useQuery({ ...trpc.storefront.account.me.queryOptions(), retry: false });
  // End-customers buy only at their reseller's own storefront; elsewhere they see their licenses and their account.
  const buyer = me.data?.account.kind !== "END_CUSTOMER" || resellerStorefront !== null;
  const queryClient = useQueryClient();
  const opensAtCatalog = location.pathname === "/";
  const catalogInput = catalogBrowseInput(new URLSearchParams(location.search));
  // Opened at the catalog: its products load together with account.me instead of after it.
  useEffect(() => {
    if (opensAtCatalog) void queryClient.prefetchQuery(trpc.storefront.catalog.browse.queryOptions(catalogInput));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the page the app was opened at
  }, []);
  // The Basket entry shows how many lines the basket holds (the basket page keeps this query current).
  const basket = useQuery({ ...trpc.storefront.basket.get.queryOptions(), enabled: me.data !== undefined && buyer });

  if (me.isPending) return <Loading />;
  if (me.isError) return <Navigate to="/login" replace />;

  const nav: NavItem[] = buyer
    ? [
        { to: "/", label: "Catalog", end: true },
        { to: "/basket", label: "Basket", count: basket.data?.lines.length },
        { to: "/orders", label: "Orders" },
        { to: "/assets", label: "Assets" },
        { to: "/invoices", label: "Invoices" },
        { to: "/account", label: me.data.account.kind === "END_CUSTOMER" ? "My account" : "Account" },
      ]
    : [
        { to: "/assets", label: "Assets" },
        { to: "/account", label: "My account" },
      ];
  if (me.data.account.kind === "RESELLER") {
    // The Plans page links to the subscriptions list.
    nav.push({ to: "/end-customers", label: "End-customers" }, { to: "/plans", label: "Plans" });
    // Standard resellers' keys for the public API (the page says so to the others).
    if (!resellerStorefront) nav.push({ to: "/api-keys", label: "API keys" });
  }
  if (!buyer && location.pathname === "/") return <Navigate to="/assets" replace />;

  return (
    <SignedInLayout
      realm="shop"
      brand={
        resellerStorefront ? (
          <span className="flex items-center gap-2">
            {resellerStorefront.logoUrl && (
              <img src={resellerStorefront.logoUrl} alt="" className="h-6 w-auto" data-testid="storefront-logo" />
            )}
            <span style={{ color: resellerStorefront.primaryColor }} data-testid="storefront-name">
              {resellerStorefront.displayName}
            </span>
          </span>
        ) : (
          <span className="flex items-center gap-2">
            {storefrontBrand.logoUrl && <img src={storefrontBrand.logoUrl} alt="" className="h-6 w-auto" />}
            <span>
              {storefrontBrand.name && `${storefrontBrand.name} `}
              <span className="text-brand-600">Storefront</span>
            </span>
          </span>
        )
      }
      nav={nav}
      who={`${me.data.me.name} · ${me.data.account.companyName}`}
    />
  );
}
