import { createBrowserRouter } from "react-router";
import { AccountDetailPage } from "./pages/accounts/account-detail.tsx";
import { AccountEditPage, AccountNewPage } from "./pages/accounts/account-form.tsx";
import { AccountsPage } from "./pages/accounts/accounts.tsx";
import { Layout } from "./pages/layout.tsx";
import { FirstRunPage } from "./pages/first-run.tsx";
import { LoginPage } from "./pages/login.tsx";
import { ForgotPasswordPage, ResetPasswordPage } from "./pages/password-pages.tsx";
import { NotFoundPage } from "./pages/not-found.tsx";
import { StaffPage } from "./pages/staff.tsx";
import { CategoriesPage } from "./pages/catalog/categories.tsx";
import { ProductEditPage, ProductNewPage } from "./pages/catalog/product-form.tsx";
import { ProductGroupPage } from "./pages/catalog/product-group.tsx";
import { ProductTypesPage } from "./pages/catalog/product-types.tsx";
import { PriceListDetailPage } from "./pages/catalog/price-list-detail.tsx";
import { PriceListsPage } from "./pages/catalog/price-lists.tsx";
import { TaxRatesPage } from "./pages/catalog/tax-rates.tsx";
import { ProductsPage } from "./pages/catalog/products.tsx";
import { BitTitanSetupPage } from "./pages/setup/bittitan.tsx";
import { AssetDetailPage } from "./pages/billing/asset-detail.tsx";
import { AssetsPage } from "./pages/billing/assets.tsx";
import { InvoiceDetailPage, InvoicesPage } from "./pages/billing/invoices.tsx";
import { ReconciliationPage } from "./pages/billing/reconciliation.tsx";
import { OrderDetailPage } from "./pages/orders/order-detail.tsx";
import { OrderEditPage, OrderNewPage } from "./pages/orders/order-form.tsx";
import { OrdersPage } from "./pages/orders/orders.tsx";
import { BrandingPage } from "./pages/setup/branding.tsx";
import { CompanyPage } from "./pages/setup/company.tsx";
import { ApiKeysPage } from "./pages/setup/api-keys.tsx";
import { WebhooksPage } from "./pages/setup/webhooks.tsx";
import { DeliveryLogPage } from "./pages/notifications/delivery-log.tsx";
import { DevInboxPage } from "./pages/notifications/dev-inbox.tsx";
import { EmailDetailPage } from "./pages/notifications/email-detail.tsx";
import { TemplateEditorPage } from "./pages/notifications/template-editor.tsx";
import { TemplatesPage } from "./pages/notifications/templates.tsx";
import { PlansCatalogPage } from "./pages/plans/plans.tsx";
import { SubscriptionDetailPage } from "./pages/plans/subscription-detail.tsx";
import { SubscriptionsPage } from "./pages/plans/subscriptions.tsx";

export const router = createBrowserRouter(
  [
    { path: "/login", element: <LoginPage /> },
    { path: "/forgot-password", element: <ForgotPasswordPage /> },
    { path: "/reset-password", element: <ResetPasswordPage /> },
    { path: "/setup", element: <FirstRunPage /> },
    {
      element: <Layout />,
      children: [
        { index: true, element: <AccountsPage /> },
        { path: "accounts", element: <AccountsPage /> },
        { path: "accounts/new", element: <AccountNewPage /> },
        { path: "accounts/:id", element: <AccountDetailPage /> },
        { path: "accounts/:id/edit", element: <AccountEditPage /> },
        { path: "setup/staff", element: <StaffPage /> },
        { path: "setup/bittitan", element: <BitTitanSetupPage /> },
        { path: "assets", element: <AssetsPage /> },
        { path: "assets/:id", element: <AssetDetailPage /> },
        { path: "reconciliation", element: <ReconciliationPage /> },
        { path: "invoices", element: <InvoicesPage /> },
        { path: "invoices/:id", element: <InvoiceDetailPage /> },
        { path: "orders", element: <OrdersPage /> },
        { path: "orders/new", element: <OrderNewPage /> },
        { path: "orders/:id", element: <OrderDetailPage /> },
        { path: "orders/:id/edit", element: <OrderEditPage /> },
        { path: "setup/branding", element: <BrandingPage /> },
        { path: "setup/company", element: <CompanyPage /> },
        { path: "setup/api-keys", element: <ApiKeysPage /> },
        { path: "setup/webhooks", element: <WebhooksPage /> },
        { path: "setup/notifications", element: <TemplatesPage /> },
        { path: "setup/notifications/templates/:key", element: <TemplateEditorPage /> },
        { path: "setup/notifications/log", element: <DeliveryLogPage /> },
        { path: "setup/notifications/log/:id", element: <EmailDetailPage /> },
        { path: "setup/notifications/dev-inbox", element: <DevInboxPage /> },
        { path: "catalog", element: <ProductsPage /> },
        { path: "catalog/products", element: <ProductsPage /> },
        { path: "catalog/products/new", element: <ProductNewPage /> },
        { path: "catalog/products/:id", element: <ProductEditPage /> },
        { path: "catalog/categories", element: <CategoriesPage /> },
        { path: "catalog/product-group", element: <ProductGroupPage /> },
        { path: "catalog/product-types", element: <ProductTypesPage /> },
        { path: "catalog/price-lists", element: <PriceListsPage /> },
        { path: "catalog/tax-rates", element: <TaxRatesPage /> },
        { path: "catalog/price-lists/:id", element: <PriceListDetailPage /> },
        { path: "catalog/plans", element: <PlansCatalogPage /> },
        { path: "subscriptions", element: <SubscriptionsPage /> },
        { path: "subscriptions/:id", element: <SubscriptionDetailPage /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/bss" },
);
