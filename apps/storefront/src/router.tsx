import { createBrowserRouter, Navigate } from "react-router";
import { AccountPage } from "./pages/account.tsx";
import { AssetPage } from "./pages/asset.tsx";
import { AssetsPage } from "./pages/assets.tsx";
import { BasketPage } from "./pages/basket.tsx";
import { InvoicePage, InvoicesPage } from "./pages/invoices.tsx";
import { CatalogPage } from "./pages/catalog.tsx";
import { CheckoutPage } from "./pages/checkout.tsx";
import { OrderPage } from "./pages/order.tsx";
import { OrdersPage } from "./pages/orders.tsx";
import { ProductPage } from "./pages/product.tsx";
import { EndCustomerDetailPage } from "./pages/end-customer-detail.tsx";
import { EndCustomerNewPage } from "./pages/end-customer-new.tsx";
import { EndCustomersPage } from "./pages/end-customers.tsx";
import { Layout } from "./pages/layout.tsx";
import { ApiKeysPage } from "./pages/api-keys.tsx";
import { LoginPage } from "./pages/login.tsx";
import { ForgotPasswordPage, ResetPasswordPage } from "./pages/password-pages.tsx";
import { MyStorefrontPage } from "./plans/my-storefront.tsx";
import { StorefrontPricesPage } from "./plans/storefront-prices.tsx";
import { StorefrontSalesPage } from "./plans/storefront-sales.tsx";
import { MyStorefrontBrandPage } from "./pages/my-storefront/brand.tsx";
import { MyStorefrontCustomersPage } from "./pages/my-storefront/customers.tsx";
import { PlansPage } from "./plans/plans.tsx";
import { SubscriptionPage } from "./plans/subscription.tsx";
import { SubscriptionsPage } from "./plans/subscriptions.tsx";
import { basename } from "./reseller-storefront.ts";

export const router = createBrowserRouter(
  [
    { path: "/login", element: <LoginPage /> },
    { path: "/forgot-password", element: <ForgotPasswordPage /> },
    { path: "/reset-password", element: <ResetPasswordPage /> },
    {
      element: <Layout />,
      children: [
        { index: true, element: <CatalogPage /> },
        { path: "products/:slug", element: <ProductPage /> },
        { path: "basket", element: <BasketPage /> },
        { path: "checkout", element: <CheckoutPage /> },
        { path: "orders", element: <OrdersPage /> },
        { path: "orders/:id", element: <OrderPage /> },
        { path: "assets", element: <AssetsPage /> },
        { path: "assets/:id", element: <AssetPage /> },
        { path: "invoices", element: <InvoicesPage /> },
        { path: "invoices/:id", element: <InvoicePage /> },
        { path: "account", element: <AccountPage /> },
        { path: "end-customers", element: <EndCustomersPage /> },
        { path: "end-customers/new", element: <EndCustomerNewPage /> },
        { path: "end-customers/:id", element: <EndCustomerDetailPage /> },
        { path: "plans", element: <PlansPage /> },
        { path: "subscriptions", element: <SubscriptionsPage /> },
        { path: "subscriptions/:id", element: <SubscriptionPage /> },
        { path: "my-storefront", element: <MyStorefrontPage /> },
        { path: "my-storefront/prices", element: <StorefrontPricesPage /> },
        { path: "my-storefront/sales", element: <StorefrontSalesPage /> },
        { path: "api-keys", element: <ApiKeysPage /> },
        { path: "my-storefront/customers", element: <MyStorefrontCustomersPage /> },
        { path: "my-storefront/brand", element: <MyStorefrontBrandPage /> },
        { path: "*", element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename },
);
