export { appRouter, type AppRouter, type RouterInputs, type RouterOutputs } from "./root.ts";
export {
  createContextInner,
  createCallerFactory,
  fieldErrorsOf,
  validationMessage,
  type Context,
  type ProcedureMeta,
  type RestMeta,
} from "./trpc.ts";
export { KEY_REUSED_MESSAGE } from "./idempotency.ts";
export { TRPC_MAX_BATCH_SIZE } from "./transport.ts";
export { createAuth, authBasePath, CLIENT_IP_HEADER, type Auth, type AuthRealm } from "./auth/create-auth.ts";
export {
  clearSignInFailures,
  purgeSignInThrottles,
  recordSignInFailure,
  signInLock,
  SIGN_IN_THROTTLE,
} from "./auth/sign-in-throttle.ts";
export { sendPasswordResetEmail } from "./auth/send-password-reset.ts";
export {
  loadShopCaller,
  loadStaffCaller,
  resolveShopCaller,
  resolveStaffCaller,
  type Auths,
} from "./auth/resolve-callers.ts";
export type { Caller, ShopCaller, StaffCaller } from "./callers.ts";
export { systemClock, ManualClock, type Clock } from "./clock.ts";
export { silentLogger, type DomainDeps, type Logger } from "./deps.ts";
export { DomainError } from "./errors.ts";
export { seedDemo, DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from "./demo/seed-demo.ts";
export { setupDistributor, type DistributorSetup } from "./setup/setup-distributor.ts";
export { setupInstance, isSetupNeeded, ALREADY_SET_UP, type InstanceSetupResult } from "./setup/setup-instance.ts";
export { issueSetupToken } from "./setup/setup-token.ts";
export { instanceSetupInput, type InstanceSetup, type InstanceSetupInput } from "./schemas/setup.ts";
export { allQueues, retiredQueues, startWorkers } from "./background-workers.ts";
export type { BackgroundArea } from "./jobs/background-area.ts";
export { SecretBox } from "./shared/secret-box.ts";
export { BitTitanGateway, type BitTitanGatewayOptions } from "./shared/bittitan-gateway.ts";
export { seedDemoCatalog, DEMO_PARTNERS, type DemoBitTitan } from "./demo/seed-demo-catalog.ts";
export { queueNotification, type NotificationEvent } from "./notifications/queue-notification.ts";
export { seedNotificationTemplates } from "./notifications/seed-notification-templates.ts";
export type { NotificationTemplateKey } from "@cm/notifications";
export { invoicePdf } from "./billing/invoice-pdf.ts";
export { statementPdfFor } from "./billing/statement-pdf.ts";
export { storefrontPage, STOREFRONT_HEADER, type StorefrontPageDto } from "./auth/storefront-access.ts";
export { RESERVED_ALIASES } from "./schemas/storefront-alias.ts";
export { seedPlans } from "./plans/plan-catalog.ts";
export { DEFAULT_STOREFRONT_RETENTION_DAYS } from "./plans/process-plan-periods.ts";
export { resolveApiKey, DEFAULT_API_RATE_LIMIT_PER_MINUTE, type ApiKeyResolution } from "./api-keys/resolve-api-key.ts";
export { API_KEY_SCOPES, API_SCOPE_LABELS, API_SCOPES, type ApiScope } from "./api-scopes.ts";
export { storefrontLogo } from "./reseller-storefronts/storefront-brand.ts";
export { storefrontEmailBrand, type StorefrontEmailBrand } from "./notifications/storefront-email-brand.ts";
