import type { Prisma } from "@cm/db";
import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { normalizeAlias } from "../schemas/storefront-alias.ts";
import { storefrontLogoPath } from "../notifications/storefront-email-brand.ts";

type Db = DomainDeps["db"] | Prisma.TransactionClient;

/** The header the Storefront app sends from a reseller's own storefront: its alias. */
export const STOREFRONT_HEADER = "x-cm-storefront";

/** What the server tells the Storefront app served at /<alias> (public: shown before anyone logs in). */
export interface StorefrontPageDto {
  alias: string;
  displayName: string;
  primaryColor: string;
  /** The reseller's logo (a path on this server), or null. */
  logoUrl: string | null;
  /** Whether anyone can log in here now (the owner is on Standard). */
  open: boolean;
  /** Why not, for the login page. */
  message: string | null;
}

const storefrontSelect = {
  id: true,
  alias: true,
  displayName: true,
  primaryColor: true,
  closedAt: true,
  accountId: true,
  brand: { select: { logoSha256: true } },
  account: {
    select: {
      status: true,
      planSubscriptions: {
        where: { status: { in: ["ACTIVE", "PENDING_CANCELLATION"] } },
        select: { plan: { select: { code: true } } },
      },
    },
  },
} satisfies Prisma.ResellerStorefrontSelect;

type StorefrontRow = Prisma.ResellerStorefrontGetPayload<{ select: typeof storefrontSelect }>;

async function findStorefront(db: Db, alias: string): Promise<StorefrontRow | null> {
  return db.resellerStorefront.findUnique({ where: { alias: normalizeAlias(alias) }, select: storefrontSelect });
}

/** Open while its owner is active and on Standard; otherwise the reason, in words. */
function closedReason(row: StorefrontRow): string | null {
  const plan = row.account.planSubscriptions[0]?.plan.code;
  if (row.closedAt || !plan || row.account.status !== "ACTIVE") {
    return `This storefront is closed: the reseller plan of ${row.displayName} has ended, so neither ${row.displayName} nor its customers can log in here.`;
  }
  if (plan !== "STANDARD")
    return `This storefront is not open yet: it opens when ${row.displayName} moves to the Standard plan.`;
  return null;
}

/** The storefront served at /<alias>, for the page; null when no reseller has that alias. */
export async function storefrontPage(deps: Pick<DomainDeps, "db">, alias: string): Promise<StorefrontPageDto | null> {
  const row = await findStorefront(deps.db, alias);
  if (!row) return null;
  const message = closedReason(row);
  return {
    alias: row.alias,
    displayName: row.displayName,
    primaryColor: row.primaryColor,
    logoUrl: row.brand?.logoSha256 ? storefrontLogoPath(row.alias, row.brand.logoSha256) : null,
    open: message === null,
    message,
  };
}

/** Only the reseller's own contacts and the contacts of its end-customers belong to its storefront. */
async function belongs(db: Db, row: StorefrontRow, accountId: string): Promise<boolean> {
  if (accountId === row.accountId) return true;
  const account = await db.account.findUnique({ where: { id: accountId }, select: { kind: true, parentId: true } });
  return account?.kind === "END_CUSTOMER" && account.parentId === row.accountId;
}

/** The reseller deactivated this login at its storefront (Storefront > My storefront > Customers). */
async function deactivatedThere(db: Db, storefrontId: string, shopUserId: string): Promise<boolean> {
  const login = await db.storefrontLogin.findUnique({
    where: { storefrontId_shopUserId: { storefrontId, shopUserId } },
    select: { deactivatedAt: true },
  });
  return login?.deactivatedAt != null;
}

/**
 * The open storefront at this alias when this login belongs to it (for the
 * emails a request made there sends, e.g. "Forgot password?"); else null.
 */
export async function storefrontOfLogin(db: Db, alias: string, shopUserId: string): Promise<{ id: string } | null> {
  const row = await findStorefront(db, alias);
  if (!row || closedReason(row)) return null;
  const user = await db.shopUser.findUnique({
    where: { id: shopUserId },
    select: { contact: { select: { accountId: true } } },
  });
  if (!user || !(await belongs(db, row, user.contact.accountId))) return null;
  return { id: row.id };
}

/**
 * Signing in at /<alias> (called by the auth layer once the password is
 * verified): the storefront must be open, and the user must be a contact of
 * the reseller or of one of its end-customers. Returns the storefront the
 * session is bound to.
 */
export async function storefrontForSignIn(
  db: Db,
  alias: string,
  shopUserId: string,
): Promise<{ storefrontId: string }> {
  const row = await findStorefront(db, alias);
  if (!row) throw new DomainError("FORBIDDEN", "There is no storefront at this address.");
  const closed = closedReason(row);
  if (closed) throw new DomainError("FORBIDDEN", closed);
  const user = await db.shopUser.findUnique({
    where: { id: shopUserId },
    select: { contact: { select: { accountId: true } } },
  });
  if (!user || !(await belongs(db, row, user.contact.accountId))) {
    throw new DomainError(
      "FORBIDDEN",
      `Only ${row.displayName} and its customers can log in here. Please log in at the main Storefront.`,
    );
  }
  if (await deactivatedThere(db, row.id, shopUserId))
    throw new DomainError(
      "FORBIDDEN",
      `${row.displayName} has deactivated your login to this storefront. Please contact ${row.displayName} to have it reactivated.`,
    );
  return { storefrontId: row.id };
}

/**
 * The rule for Storefront sessions and reseller storefronts: a session is
 * bound to where it was created. A request made at /<alias> (the app names
 * the alias in a header) is served only with a session created at that same
 * storefront; a session created at an alias works only while that storefront
 * is open and its user still belongs to it, and always acts within it (also
 * for requests that name no storefront, such as file downloads), so its
 * end-customers see its prices. Anything else is treated as not logged in.
 */
export async function bindStorefront(
  db: Db,
  caller: ShopCaller,
  sessionStorefrontId: string | null,
  requestAlias: string | null,
): Promise<ShopCaller | null> {
  if (!sessionStorefrontId) return requestAlias ? null : caller;
  const row = await db.resellerStorefront.findUnique({
    where: { id: sessionStorefrontId },
    select: {
      ...storefrontSelect,
      // A deactivation also deletes the login's sessions here; this covers one made while it ran.
      logins: { where: { shopUserId: caller.userId, deactivatedAt: { not: null } }, select: { shopUserId: true } },
    },
  });
  if (!row || closedReason(row) || row.logins.length > 0 || !(await belongs(db, row, caller.accountId))) return null;
  if (requestAlias !== null && normalizeAlias(requestAlias) !== row.alias) return null;
  return {
    ...caller,
    storefront: { id: row.id, alias: row.alias, accountId: row.accountId, displayName: row.displayName },
  };
}
