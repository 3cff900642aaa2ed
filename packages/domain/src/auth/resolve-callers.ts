import type { PrismaClient } from "@cm/db";
import type { ShopCaller, StaffCaller } from "../callers.ts";
import type { Auth } from "./create-auth.ts";
import { bindStorefront, STOREFRONT_HEADER } from "./storefront-access.ts";
import { sessionStorefrontId } from "./storefront-sessions.ts";

export interface Auths {
  staff: Auth;
  shop: Auth;
}

/**
 * The request's session, from the signed session-data cookie while it is fresh
 * (see `cookieCache` in create-auth.ts) or else from the database. Cookies the
 * lookup sets (a refreshed cache or session) are appended to `responseHeaders`.
 */
async function readSession(auth: Auth, headers: Headers, responseHeaders?: Headers) {
  const { headers: setHeaders, response } = await auth.api.getSession({ headers, returnHeaders: true });
  if (responseHeaders) for (const cookie of setHeaders.getSetCookie()) responseHeaders.append("set-cookie", cookie);
  return response;
}

/**
 * The session still exists in the database (not signed out or revoked since
 * the cookie cache was written) and has not expired: checked in the same
 * query that loads the caller, so the cache saves the session lookups without
 * delaying a sign-out.
 */
const liveSession = (token: string | undefined) =>
  token === undefined ? {} : { sessions: { some: { token, expiresAt: { gt: new Date() } } } };

/** The staff member behind a request's staff session cookie, if any and still active. */
export async function resolveStaffCaller(
  auth: Auth,
  prisma: PrismaClient,
  headers: Headers,
  responseHeaders?: Headers,
): Promise<StaffCaller | null> {
  const session = await readSession(auth, headers, responseHeaders);
  return session ? loadStaffCaller(prisma, session.user.id, session.session.token) : null;
}

/** The caller a staff user id stands for, if that user is still active (and the session, when given, still live). */
export async function loadStaffCaller(
  prisma: PrismaClient,
  userId: string,
  sessionToken?: string,
): Promise<StaffCaller | null> {
  const user = await prisma.staffUser.findFirst({
    where: { id: userId, ...liveSession(sessionToken) },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user?.active) return null;
  return { kind: "staff", userId: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * The contact behind a request's Storefront session cookie, if its account is
 * active and the session may be used where the request comes from (the
 * distributor's Storefront or a reseller's /<alias>; see bindStorefront).
 */
export async function resolveShopCaller(
  auth: Auth,
  prisma: PrismaClient,
  headers: Headers,
  responseHeaders?: Headers,
): Promise<ShopCaller | null> {
  const session = await readSession(auth, headers, responseHeaders);
  if (!session) return null;
  const caller = await loadShopCaller(prisma, session.user.id, session.session.token);
  if (!caller) return null;
  return bindStorefront(prisma, caller, sessionStorefrontId(session.session), headers.get(STOREFRONT_HEADER));
}

/** The caller a Storefront user id stands for, if its account is active (and the session, when given, still live). */
export async function loadShopCaller(
  prisma: PrismaClient,
  userId: string,
  sessionToken?: string,
): Promise<ShopCaller | null> {
  const user = await prisma.shopUser.findFirst({
    where: { id: userId, ...liveSession(sessionToken) },
    select: {
      id: true,
      email: true,
      name: true,
      contact: { select: { id: true, account: { select: { id: true, kind: true, status: true } } } },
    },
  });
  if (!user || user.contact.account.status !== "ACTIVE") return null;
  return {
    kind: "shop",
    userId: user.id,
    email: user.email,
    name: user.name,
    contactId: user.contact.id,
    accountId: user.contact.account.id,
    accountKind: user.contact.account.kind,
  };
}
