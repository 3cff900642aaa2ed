import { TRPCError } from "@trpc/server";
import type { StaffRole } from "@cm/db";

/**
 * What a staff member may do in the BSS, decided here and nowhere else: every
 * `bss.*` procedure names the one permission it needs, and `staffProcedure`
 * refuses a caller whose role lacks it. A procedure missing from the map is
 * refused to everyone (deny by default). The table in ARCHITECTURE.md is this file in words.
 */
export const PERMISSIONS = [
  /** Every BSS page and list, read only. */
  "bss.read",
  "accounts.edit",
  /** Inviting a contact to the Storefront (a login that can act for the customer), resending, revoking. */
  "accounts.logins",
  /** Entering an account's BitTitan credentials ("Save & Synchronize"). */
  "accounts.sync",
  "orders.edit",
  "subscriptions.manage",
  "assets.edit",
  /** Cancelling an asset or an order refunds it with a credit invoice. */
  "assets.cancel",
  "reconciliation.fix",
  "invoices.manage",
  "catalog.edit",
  "bittitan.setup",
  "notifications.resend",
  "notifications.setup",
  "staff.manage",
  "company.edit",
  /** Creating and revoking the distributor's API keys and webhook endpoints (issue 21). */
  "apiKeys.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const STAFF_ROLES = ["ADMIN", "SALES", "SUPPORT"] as const satisfies readonly StaffRole[];

const SALES: readonly Permission[] = [
  "bss.read",
  "accounts.edit",
  "accounts.sync",
  "orders.edit",
  "subscriptions.manage",
  "assets.edit",
  "notifications.resend",
];

export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  SALES,
  /** Answers questions: sees everything in the BSS, changes nothing. */
  SUPPORT: ["bss.read"],
};

export function permissionsOf(role: StaffRole): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

export function roleMay(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The permission each `bss.*` procedure needs, by its full path. */
export const PROCEDURE_PERMISSIONS: Readonly<Record<string, Permission>> = {
  "bss.staff.me": "bss.read",
  "bss.staff.list": "staff.manage",
  "bss.staff.create": "staff.manage",
  "bss.staff.setActive": "staff.manage",
  "bss.staff.resendInvitation": "staff.manage",

  "bss.company.get": "bss.read",
  "bss.company.update": "company.edit",

  "bss.account.list": "bss.read",
  "bss.account.get": "bss.read",
  "bss.account.create": "accounts.edit",
  "bss.account.update": "accounts.edit",
  "bss.account.addContact": "accounts.edit",
  "bss.account.updateContact": "accounts.edit",
  "bss.account.removeContact": "accounts.edit",
  "bss.account.setPrimaryContact": "accounts.edit",
  "bss.account.setVatVerified": "accounts.edit",
  "bss.account.grantStorefrontLogin": "accounts.logins",
  "bss.account.revokeStorefrontLogin": "accounts.logins",
  "bss.account.resendStorefrontInvitation": "accounts.logins",

  "bss.bittitan.serviceManager": "bss.read",
  "bss.bittitan.accountSync": "bss.read",
  "bss.bittitan.activate": "bittitan.setup",
  "bss.bittitan.test": "bittitan.setup",
  "bss.bittitan.importServicesDefinition": "bittitan.setup",
  "bss.bittitan.synchronizeAccount": "accounts.sync",

  "bss.order.list": "bss.read",
  "bss.order.get": "bss.read",
  "bss.order.create": "orders.edit",
  "bss.order.update": "orders.edit",
  "bss.order.delete": "orders.edit",
  "bss.order.execute": "orders.edit",

  "bss.asset.list": "bss.read",
  "bss.asset.count": "bss.read",
  "bss.asset.get": "bss.read",
  "bss.asset.countFailed": "bss.read",
  "bss.asset.retryProgress": "bss.read",
  // Compares with BitTitan and changes nothing.
  "bss.asset.reconcile": "bss.read",
  "bss.asset.update": "assets.edit",
  "bss.asset.refreshCouponStates": "assets.edit",
  // Always refused by the domain; named so the refusal says why, to those who may edit assets.
  "bss.asset.suspend": "assets.edit",
  "bss.asset.amend": "assets.edit",
  "bss.asset.cancel": "assets.cancel",
  "bss.asset.cancelOrder": "assets.cancel",
  "bss.asset.attachCoupon": "reconciliation.fix",
  "bss.asset.fixMismatch": "reconciliation.fix",
  // "Retry all failed" is the bulk resync.
  "bss.asset.retryFailed": "reconciliation.fix",

  "bss.account.balance": "bss.read",
  "bss.account.statement": "bss.read",
  "bss.account.storefrontOrders": "bss.read",

  "bss.invoice.list": "bss.read",
  "bss.invoice.get": "bss.read",
  // Money in, money out, and taking an invoice back: as "Mark paid" was.
  "bss.invoice.recordPayment": "invoices.manage",
  "bss.invoice.recordRefund": "invoices.manage",
  "bss.invoice.void": "invoices.manage",

  "bss.catalog.productTypes": "bss.read",
  "bss.catalog.listProducts": "bss.read",
  "bss.catalog.getProduct": "bss.read",
  "bss.catalog.categories": "bss.read",
  "bss.catalog.productGroup": "bss.read",
  "bss.catalog.updateProductType": "catalog.edit",
  "bss.catalog.createProduct": "catalog.edit",
  "bss.catalog.updateProduct": "catalog.edit",
  "bss.catalog.setPublished": "catalog.edit",
  "bss.catalog.createCategory": "catalog.edit",
  "bss.catalog.updateCategory": "catalog.edit",
  "bss.catalog.deleteCategory": "catalog.edit",
  "bss.catalog.setProductGroup": "catalog.edit",

  "bss.taxRate.list": "bss.read",
  // A new rate changes what every later invoice charges: with the catalog's prices.
  "bss.taxRate.create": "catalog.edit",

  "bss.plan.list": "bss.read",
  // The live alias check of the order form.
  "bss.plan.checkAlias": "bss.read",
  "bss.plan.update": "catalog.edit",

  "bss.priceList.list": "bss.read",
  "bss.priceList.get": "bss.read",
  "bss.priceList.create": "catalog.edit",
  "bss.priceList.update": "catalog.edit",
  "bss.priceList.delete": "catalog.edit",
  "bss.priceList.setEntry": "catalog.edit",
  "bss.priceList.removeEntry": "catalog.edit",

  "bss.subscription.list": "bss.read",
  "bss.subscription.get": "bss.read",
  "bss.subscription.cancel": "subscriptions.manage",
  "bss.subscription.upgrade": "subscriptions.manage",
  "bss.subscription.upgradeQuote": "bss.read",

  "bss.notification.settings": "bss.read",
  "bss.notification.template.list": "bss.read",
  "bss.notification.template.get": "bss.read",
  // A mutation only to carry the draft in a POST body; it changes nothing.
  "bss.notification.template.preview": "bss.read",
  "bss.notification.template.update": "notifications.setup",
  "bss.notification.template.reset": "notifications.setup",
  "bss.notification.template.sendTest": "notifications.setup",
  "bss.notification.message.list": "bss.read",
  "bss.notification.message.get": "bss.read",
  "bss.notification.message.resend": "notifications.resend",
  "bss.notification.branding.get": "bss.read",
  "bss.notification.branding.update": "notifications.setup",
  "bss.notification.devInbox.list": "notifications.setup",
  "bss.notification.devInbox.get": "notifications.setup",
  "bss.notification.devInbox.clear": "notifications.setup",

  "bss.apiKey.list": "apiKeys.manage",
  "bss.apiKey.create": "apiKeys.manage",
  "bss.apiKey.revoke": "apiKeys.manage",

  "bss.webhook.list": "apiKeys.manage",
  "bss.webhook.create": "apiKeys.manage",
  "bss.webhook.update": "apiKeys.manage",
  "bss.webhook.setEnabled": "apiKeys.manage",
  "bss.webhook.rotateSecret": "apiKeys.manage",
  "bss.webhook.delete": "apiKeys.manage",
  "bss.webhook.deliveries": "apiKeys.manage",
  "bss.webhook.redeliver": "apiKeys.manage",
};

/** Why a procedure is refused, or null when the role may call it. */
export function refusalFor(role: StaffRole, path: string): string | null {
  const permission = PROCEDURE_PERMISSIONS[path];
  if (!permission) return "This action is not in the staff permission table, so nobody may use it";
  if (roleMay(role, permission)) return null;
  return `Your role (${ROLE_LABELS[role]}) does not allow this`;
}

/**
 * A part of a procedure that needs more than the procedure itself, e.g. a
 * Storefront login given with bss.account.create (accounts.edit) needs
 * accounts.logins too. Throws FORBIDDEN with the same words as the table.
 */
export function assertRoleMay(role: StaffRole, permission: Permission, what: string): void {
  if (!roleMay(role, permission))
    throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${ROLE_LABELS[role]}) does not allow ${what}` });
}

export const ROLE_LABELS: Record<StaffRole, string> = { ADMIN: "Admin", SALES: "Sales", SUPPORT: "Support" };
