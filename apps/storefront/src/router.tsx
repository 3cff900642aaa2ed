import type { ComponentType } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { CatalogPage } from "./pages/catalog.tsx";
import { Layout } from "./pages/layout.tsx";
import { LoginPage } from "./pages/login.tsx";
import { basename } from "./reseller-storefront.ts";

/**
 * A page loaded when first visited (its own chunk): the first visit downloads
 * the layout, the catalog and the login page only.
 */
const page =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });

export const router = createBrowserRouter(
  [
    { path: "/login", element: <LoginPage /> },
    {
      path: "/forgot-password",
      lazy: page(
        () => import("./pages/password-pages.tsx"),
        (m) => m.ForgotPasswordPage,
      ),
    },
    {
      path: "/reset-password",
      lazy: page(
        () => import("./pages/password-pages.tsx"),
        (m) => m.ResetPasswordPage,
      ),
    },
    {
      element: <Layout />,
      children: [
        { index: true, element: <CatalogPage /> },
        {
          path: "products/:slug",
          lazy: page(
            () => import("./pages/product.tsx"),
            (m) => m.ProductPage,
          ),
        },
        {
          path: "basket",
          lazy: page(
            () => import("./pages/basket.tsx"),
            (m) => m.BasketPage,
          ),
        },
        {
          path: "checkout",
          lazy: page(
            () => import("./pages/checkout.tsx"),
            (m) => m.CheckoutPage,
          ),
        },
        {
          path: "orders",
          lazy: page(
            () => import("./pages/orders.tsx"),
            (m) => m.OrdersPage,
          ),
        },
        {
          path: "orders/:id",
          lazy: page(
            () => import("./pages/order.tsx"),
            (m) => m.OrderPage,
          ),
        },
        {
          path: "assets",
          lazy: page(
            () => import("./pages/assets.tsx"),
            (m) => m.AssetsPage,
          ),
        },
        {
          path: "assets/:id",
          lazy: page(
            () => import("./pages/asset.tsx"),
            (m) => m.AssetPage,
          ),
        },
        {
          path: "invoices",
          lazy: page(
            () => import("./pages/invoices.tsx"),
            (m) => m.InvoicesPage,
          ),
        },
        {
          path: "invoices/:id",
          lazy: page(
            () => import("./pages/invoices.tsx"),
            (m) => m.InvoicePage,
          ),
        },
        {
          path: "account",
          lazy: page(
            () => import("./pages/account.tsx"),
            (m) => m.AccountPage,
          ),
        },
        {
          path: "end-customers",
          lazy: page(
            () => import("./pages/end-customers.tsx"),
            (m) => m.EndCustomersPage,
          ),
        },
        {
          path: "end-customers/new",
          lazy: page(
            () => import("./pages/end-customer-new.tsx"),
            (m) => m.EndCustomerNewPage,
          ),
        },
        {
          path: "end-customers/:id",
          lazy: page(
            () => import("./pages/end-customer-detail.tsx"),
            (m) => m.EndCustomerDetailPage,
          ),
        },
        {
          path: "plans",
          lazy: page(
            () => import("./plans/plans.tsx"),
            (m) => m.PlansPage,
          ),
        },
        {
          path: "subscriptions",
          lazy: page(
            () => import("./plans/subscriptions.tsx"),
            (m) => m.SubscriptionsPage,
          ),
        },
        {
          path: "subscriptions/:id",
          lazy: page(
            () => import("./plans/subscription.tsx"),
            (m) => m.SubscriptionPage,
          ),
        },
        {
          path: "my-storefront",
          lazy: page(
            () => import("./plans/my-storefront.tsx"),
            (m) => m.MyStorefrontPage,
          ),
        },
        {
          path: "my-storefront/prices",
          lazy: page(
            () => import("./plans/storefront-prices.tsx"),
            (m) => m.StorefrontPricesPage,
          ),
        },
        {
          path: "my-storefront/sales",
          lazy: page(
            () => import("./plans/storefront-sales.tsx"),
            (m) => m.StorefrontSalesPage,
          ),
        },
        {
          path: "api-keys",
          lazy: page(
            () => import("./pages/api-keys.tsx"),
            (m) => m.ApiKeysPage,
          ),
        },
        {
          path: "my-storefront/customers",
          lazy: page(
            () => import("./pages/my-storefront/customers.tsx"),
            (m) => m.MyStorefrontCustomersPage,
          ),
        },
        {
          path: "my-storefront/brand",
          lazy: page(
            () => import("./pages/my-storefront/brand.tsx"),
            (m) => m.MyStorefrontBrandPage,
          ),
        },
        { path: "*", element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename },
);
