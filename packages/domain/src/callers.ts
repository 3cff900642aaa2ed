import type { AccountKind, StaffRole } from "@cm/db";

/** A logged-in distributor staff member (BSS). */
export interface StaffCaller {
  kind: "staff";
  userId: string;
  email: string;
  name: string;
  role: StaffRole;
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

/** The caller as audit trails name it (AssetEvent.actor, PlanSubscriptionEvent.actor): "staff:<name>" or "customer:<name>". */
export function actorOf(caller: Caller): string {
  return caller.kind === "staff" ? `staff:${caller.name}` : `customer:${caller.name}`;
}
