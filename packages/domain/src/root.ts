import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { bssAccountRouter } from "./routers/bss/account.ts";
import { bssAssetRouter } from "./routers/bss/asset.ts";
import { bssInvoiceRouter } from "./routers/bss/invoice.ts";
import { bssBitTitanRouter } from "./routers/bss/bittitan.ts";
import { storefrontAssetRouter, storefrontInvoiceRouter } from "./routers/storefront/asset.ts";
import { bssCatalogRouter } from "./routers/bss/catalog.ts";
import { bssCompanyRouter } from "./routers/bss/company.ts";
import { bssOrderRouter } from "./routers/bss/order.ts";
import {
  storefrontBasketRouter,
  storefrontCheckoutRouter,
  storefrontOrderRouter,
} from "./routers/storefront/basket.ts";
import { storefrontCatalogRouter } from "./routers/storefront/catalog.ts";
import { bssNotificationRouter } from "./routers/bss/notification.ts";
import { firstRunRouter } from "./routers/first-run.ts";
import { bssStaffRouter } from "./routers/bss/staff.ts";
import { storefrontAccountRouter } from "./routers/storefront/account.ts";
import { storefrontEndCustomerRouter } from "./routers/storefront/end-customer.ts";
import { bssPlanRouter, bssSubscriptionRouter } from "./routers/bss/plan.ts";
import { bssPriceListRouter } from "./routers/bss/price-list.ts";
import { bssTaxRateRouter } from "./routers/bss/tax-rate.ts";
import {
  storefrontMyStorefrontRouter,
  storefrontPlanRouter,
  storefrontSubscriptionRouter,
} from "./routers/storefront/plan.ts";
import { publicBrandOutput } from "./notifications/brand-output.ts";
import { publicBrand } from "./notifications/public-brand.ts";
import { publicProcedure, router } from "./trpc.ts";
import { bssApiKeyRouter } from "./routers/bss/api-key.ts";
import { storefrontApiKeyRouter } from "./routers/storefront/api-key.ts";
import { bssWebhookRouter } from "./routers/bss/webhook.ts";

/**
 * Two namespaces, one per app: `bss.*` procedures need a staff session,
 * `storefront.*` procedures a Storefront session (`health`, `brand` and `setup.*` are public). The boundary is the
 * procedure type each one is built on (see trpc.ts).
 */
export const appRouter = router({
  health: publicProcedure.query(() => ({ ok: true as const })),
  /** The distributor's name and logo for the sign-in pages (public: what the branding emails already show). */
  brand: publicProcedure.output(publicBrandOutput).query(({ ctx }) => publicBrand(ctx.deps)),
  /** The first run, before anyone can sign in (guarded by the setup token, not a session). */
  setup: firstRunRouter,
  bss: router({
    account: bssAccountRouter,
    asset: bssAssetRouter,
    bittitan: bssBitTitanRouter,
    catalog: bssCatalogRouter,
    company: bssCompanyRouter,
    invoice: bssInvoiceRouter,
    order: bssOrderRouter,
    notification: bssNotificationRouter,
    plan: bssPlanRouter,
    priceList: bssPriceListRouter,
    staff: bssStaffRouter,
    subscription: bssSubscriptionRouter,
    taxRate: bssTaxRateRouter,
    apiKey: bssApiKeyRouter,
    webhook: bssWebhookRouter,
  }),
  storefront: router({
    account: storefrontAccountRouter,
    asset: storefrontAssetRouter,
    basket: storefrontBasketRouter,
    catalog: storefrontCatalogRouter,
    checkout: storefrontCheckoutRouter,
    order: storefrontOrderRouter,
    endCustomer: storefrontEndCustomerRouter,
    invoice: storefrontInvoiceRouter,
    myStorefront: storefrontMyStorefrontRouter,
    plan: storefrontPlanRouter,
    subscription: storefrontSubscriptionRouter,
    apiKey: storefrontApiKeyRouter,
  }),
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
