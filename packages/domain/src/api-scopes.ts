import { TRPCError } from "@trpc/server";
import type { StaffCaller } from "./callers.ts";
import { assertRoleMay, PROCEDURE_PERMISSIONS, refusalFor, type Permission } from "./permissions.ts";

/**
 * What an API key may do, decided here and nowhere else. A key holds scopes;
 * `API_KEY_SCOPES` names the scope each procedure a key may call needs (by its
 * full tRPC path, as `PROCEDURE_PERMISSIONS` does for roles). A procedure
 * missing from the map is refused to every key (deny by default), whatever
 * the key's scopes, so a key never reaches setup, staff or catalog writes.
 * A distributor key then acts as staff with the permissions its scopes give
 * (`SCOPE_PERMISSIONS`), so the role table still applies; a reseller key acts
 * as the reseller's own Storefront user, scoped to its account tree.
 */
export const API_SCOPES = [
  "accounts:read",
  "accounts:write",
  "catalog:read",
  "orders:read",
  "orders:write",
  "assets:read",
  "assets:write",
  "invoices:read",
  "subscriptions:read",
  "subscriptions:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "accounts:read": "Read accounts and end-customers",
  "accounts:write": "Create accounts and end-customers",
  "catalog:read": "Read the catalog",
  "orders:read": "Read orders",
  "orders:write": "Create and execute orders",
  "assets:read": "Read assets and coupons",
  "assets:write": "Re-sync and cancel assets",
  "invoices:read": "Read invoices and credit notes, download PDFs",
  "subscriptions:read": "Read plan subscriptions",
  "subscriptions:write": "Cancel plan subscriptions",
};

/** The staff permissions a distributor key's scopes amount to (every key may read what its scopes name). */
export const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  "accounts:read": ["bss.read"],
  "accounts:write": ["bss.read", "accounts.edit"],
  "catalog:read": ["bss.read"],
  "orders:read": ["bss.read"],
  "orders:write": ["bss.read", "orders.edit"],
  "assets:read": ["bss.read"],
  "assets:write": ["bss.read", "assets.edit", "assets.cancel"],
  "invoices:read": ["bss.read"],
  "subscriptions:read": ["bss.read"],
  "subscriptions:write": ["bss.read", "subscriptions.manage"],
};

export function isApiScope(scope: string): scope is ApiScope {
  return (API_SCOPES as readonly string[]).includes(scope);
}

export function permissionsOfScopes(scopes: readonly string[]): Permission[] {
  return [...new Set(scopes.filter(isApiScope).flatMap((scope) => SCOPE_PERMISSIONS[scope]))];
}

/** The scope each procedure an API key may call needs, by its full path. */
export const API_KEY_SCOPES: Readonly<Record<string, ApiScope>> = {
  "bss.account.list": "accounts:read",
  "bss.account.get": "accounts:read",
  "bss.account.create": "accounts:write",
  "bss.catalog.listProducts": "catalog:read",
  "bss.catalog.getProduct": "catalog:read",
  "bss.order.list": "orders:read",
  "bss.order.get": "orders:read",
  "bss.order.create": "orders:write",
  "bss.order.execute": "orders:write",
  "bss.asset.list": "assets:read",
  "bss.asset.get": "assets:read",
  "bss.asset.update": "assets:write",
  "bss.asset.cancel": "assets:write",
  "bss.invoice.list": "invoices:read",
  "bss.invoice.get": "invoices:read",
  "bss.subscription.list": "subscriptions:read",
  "bss.subscription.get": "subscriptions:read",
  "bss.subscription.cancel": "subscriptions:write",

  "storefront.account.me": "accounts:read",
  "storefront.endCustomer.list": "accounts:read",
  "storefront.endCustomer.get": "accounts:read",
  "storefront.endCustomer.create": "accounts:write",
  "storefront.catalog.browse": "catalog:read",
  "storefront.catalog.product": "catalog:read",
  "storefront.order.list": "orders:read",
  "storefront.order.get": "orders:read",
  "storefront.asset.list": "assets:read",
  "storefront.asset.get": "assets:read",
  "storefront.asset.update": "assets:write",
  "storefront.asset.cancel": "assets:write",
  "storefront.invoice.list": "invoices:read",
  "storefront.invoice.get": "invoices:read",
  "storefront.subscription.list": "subscriptions:read",
  "storefront.subscription.get": "subscriptions:read",
  "storefront.subscription.cancel": "subscriptions:write",
};

/** Why a key may not call a procedure, or null when it may. */
export function keyRefusalFor(scopes: readonly string[], path: string): string | null {
  const scope = API_KEY_SCOPES[path];
  if (!scope) return "This action is not available to API keys";
  if (scopes.includes(scope)) return null;
  return `This API key lacks the ${scope} scope`;
}

/**
 * Why a procedure is refused to a staff caller, or null when it may call it:
 * a person by the role's permissions, a distributor key by the procedures keys
 * may call and the permissions its scopes give.
 */
export function refusalForStaff(staff: StaffCaller, path: string): string | null {
  if (!staff.apiKey) return refusalFor(staff.role, path);
  const keyRefusal = keyRefusalFor(staff.apiKey.scopes, path);
  if (keyRefusal) return keyRefusal;
  const permission = PROCEDURE_PERMISSIONS[path];
  if (!permission || !permissionsOfScopes(staff.apiKey.scopes).includes(permission))
    return "This API key's scopes do not allow this";
  return null;
}

/**
 * A part of a procedure that needs more than the procedure itself (as
 * `assertRoleMay`), for a person or a key: a key holds only its scopes' permissions.
 */
export function assertCallerMay(staff: StaffCaller, permission: Permission, what: string): void {
  if (!staff.apiKey) return assertRoleMay(staff.role, permission, what);
  if (!permissionsOfScopes(staff.apiKey.scopes).includes(permission))
    throw new TRPCError({ code: "FORBIDDEN", message: `An API key may not do this: ${what}` });
}
