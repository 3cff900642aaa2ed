import type { AccountKind, StaffRole } from "@cm/db";

/** A logged-in distributor staff member (BSS). */
export interface StaffCaller {
  kind: "staff";
  userId: string;
  email: string;
  name: string;
  role: StaffRole;
  /** Set when the request came with an API key (a distributor key): it acts with its scopes' permissions only. */
  apiKey?: ApiKeyIdentity;
}

/** The API key a request authenticated with (see api-keys/resolve-api-key.ts). */
export interface ApiKeyIdentity {
  id: string;
  name: string;
  /** "cm_live_1a2b3c4d": enough to recognise the key, never the secret. */
  prefix: string;
  /** Its scopes (api-scopes.ts). */
  scopes: readonly string[];
}

/** A logged-in contact of a customer account (Storefront). */
export interface ShopCaller {
  kind: "shop";
  userId: string;
  email: string;
  name: string;
  contactId: string;
  accountId: string;
  accountKind: AccountKind;
  /** Set when the request comes from a reseller's own Storefront (/<alias>); see auth/storefront-access.ts. */
  storefront?: StorefrontContext;
  /** Set when the request came with a reseller's API key: it acts as the contact who created it, scoped the same. */
  apiKey?: ApiKeyIdentity;
}

/** The reseller storefront a request was made at. */
export interface StorefrontContext {
  id: string;
  alias: string;
  /** The reseller that owns it. */
  accountId: string;
  displayName: string;
}

/** Whoever a service acts for: a staff member (sees everything its role allows) or a Storefront contact (its own place in the account tree). */
export type Caller = StaffCaller | ShopCaller;

/**
 * The caller as audit trails name it (AssetEvent.actor, PlanSubscriptionEvent.actor): "staff:<name>" or
 * "customer:<name>"; a request with an API key is the key's ("api-key:<name> (cm_live_1a2b3c4d)").
 */
export function actorOf(caller: Caller): string {
  if (caller.apiKey) return `api-key:${caller.apiKey.name} (${caller.apiKey.prefix})`;
  return caller.kind === "staff" ? `staff:${caller.name}` : `customer:${caller.name}`;
}
