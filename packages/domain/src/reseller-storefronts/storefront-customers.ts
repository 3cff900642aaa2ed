import type { Prisma } from "@cm/db";
import { actorOf, type ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { Page } from "../schemas/common.ts";
import { endCustomersWhere } from "../accounts/shop-scope.ts";
import { sendShopInvitation } from "../accounts/shop-invitation.ts";
import { createShopLogin } from "../accounts/shop-logins.ts";
import { paginate } from "../shared/paginate.ts";
import { containsText } from "../shared/text-match.ts";
import { standardStorefrontOf, type StandardStorefront } from "./standard-storefront.ts";

/**
 * A contact's login at the reseller's storefront: NONE (no Storefront login),
 * INVITED (a login without a password yet), ACTIVE (it can sign in there),
 * DEACTIVATED (the reseller turned it off there).
 */
export type StorefrontLoginState = "NONE" | "INVITED" | "ACTIVE" | "DEACTIVATED";

export interface StorefrontCustomerDto {
  contactId: string;
  name: string;
  email: string;
  endCustomer: { id: string; companyName: string };
  login: StorefrontLoginState;
  /** When the reseller last invited it to its storefront. */
  invitedAt: Date | null;
  /** Until when the newest set-password link works (INVITED only). */
  invitationExpiresAt: Date | null;
  /** Its newest session at this storefront. */
  lastSignInAt: Date | null;
}

export interface StorefrontCustomersDto extends Page<StorefrontCustomerDto> {
  storefront: { alias: string; url: string };
}

export interface StorefrontInvitationDto {
  customer: StorefrontCustomerDto;
  /** The address the invitation was queued to; null when the distributor turned the invitation template off. */
  invitationSentTo: string | null;
}

const customerSelect = (storefrontId: string) =>
  ({
    id: true,
    firstName: true,
    lastName: true,
    email: true,
    account: { select: { id: true, companyName: true } },
    shopUser: {
      select: {
        id: true,
        credentials: { where: { providerId: "credential", password: { not: null } }, select: { id: true }, take: 1 },
        storefrontLogins: { where: { storefrontId }, select: { invitedAt: true, deactivatedAt: true } },
        sessions: { where: { storefrontId }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
      },
    },
  }) satisfies Prisma.ContactSelect;

type CustomerRow = Prisma.ContactGetPayload<{ select: ReturnType<typeof customerSelect> }>;

function stateOf(row: CustomerRow): StorefrontLoginState {
  const user = row.shopUser;
  if (!user) return "NONE";
  if (user.storefrontLogins[0]?.deactivatedAt) return "DEACTIVATED";
  return user.credentials.length > 0 ? "ACTIVE" : "INVITED";
}

async function toCustomers(deps: DomainDeps, rows: CustomerRow[]): Promise<StorefrontCustomerDto[]> {
  const invited = rows.filter((row) => stateOf(row) === "INVITED").flatMap((row) => row.shopUser?.id ?? []);
  const links =
    invited.length === 0
      ? []
      : await deps.db.shopVerification.findMany({
          where: { value: { in: invited } },
          select: { value: true, expiresAt: true },
        });
  return rows.map((row) => {
    const login = stateOf(row);
    const link = login === "INVITED" ? links.find((candidate) => candidate.value === row.shopUser?.id) : undefined;
    return {
      contactId: row.id,
      name: `${row.firstName} ${row.lastName}`,
      email: row.email,
      endCustomer: { id: row.account.id, companyName: row.account.companyName },
      login,
      invitedAt: row.shopUser?.storefrontLogins[0]?.invitedAt ?? null,
      invitationExpiresAt: link?.expiresAt ?? null,
      lastSignInAt: row.shopUser?.sessions[0]?.createdAt ?? null,
    };
  });
}

/** The contacts of the caller's end-customers, with their login at its storefront. */
export async function listStorefrontCustomers(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { search?: string; page: number; pageSize: number },
): Promise<StorefrontCustomersDto> {
  const storefront = await standardStorefrontOf(deps, caller);
  const search = input.search?.trim();
  const where: Prisma.ContactWhereInput = {
    account: endCustomersWhere(caller),
    ...(search
      ? {
          OR: [
            { firstName: containsText(search) },
            { lastName: containsText(search) },
            { email: containsText(search) },
            { account: { companyName: containsText(search) } },
          ],
        }
      : {}),
  };
  const rows = await paginate(input, {
    count: () => deps.db.contact.count({ where }),
    rows: (window) =>
      deps.db.contact.findMany({
        where,
        select: customerSelect(storefront.id),
        orderBy: [{ account: { companyName: "asc" } }, { lastName: "asc" }, { id: "asc" }],
        ...window,
      }),
    map: (row) => row,
  });
  return {
    ...rows,
    items: await toCustomers(deps, rows.items),
    storefront: { alias: storefront.alias, url: storefront.url },
  };
}

/** One contact of the caller's own end-customers; another reseller's (or a missing one) is not found. */
async function ownCustomer(
  deps: DomainDeps,
  caller: ShopCaller,
  storefront: StandardStorefront,
  contactId: string,
): Promise<CustomerRow> {
  const row = await deps.db.contact.findFirst({
    where: { id: contactId, account: endCustomersWhere(caller) },
    select: customerSelect(storefront.id),
  });
  if (!row) throw notFound("The contact");
  return row;
}

/** The caller's Standard storefront and one contact of its own end-customers, with the name messages use. */
async function customerAtStorefront(deps: DomainDeps, caller: ShopCaller, contactId: string) {
  const storefront = await standardStorefrontOf(deps, caller);
  const contact = await ownCustomer(deps, caller, storefront, contactId);
  return { storefront, contact, name: `${contact.firstName} ${contact.lastName}` };
}

async function customerDto(deps: DomainDeps, caller: ShopCaller, storefront: StandardStorefront, contactId: string) {
  const [customer] = await toCustomers(deps, [await ownCustomer(deps, caller, storefront, contactId)]);
  if (!customer) throw notFound("The contact");
  return customer;
}

/**
 * Invites an end-customer's contact to the caller's storefront: a login
 * without a password (unless it has one already) and, in the same transaction,
 * the invitation email in the reseller's name with a link to its /<alias>
 * set-password page.
 */
export async function inviteStorefrontCustomer(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { contactId: string },
): Promise<StorefrontInvitationDto> {
  const { storefront, contact, name } = await customerAtStorefront(deps, caller, input.contactId);
  const state = stateOf(contact);
  if (state === "ACTIVE")
    throw new DomainError(
      "CONFLICT",
      `${name} already has a password and can sign in at ${storefront.url} ("Forgot password?" there sends a new one)`,
      "contactId",
    );
  if (state === "DEACTIVATED")
    throw new DomainError("PRECONDITION_FAILED", `You deactivated ${name}'s login: reactivate it first`, "contactId");
  if (contact.shopUser?.storefrontLogins[0]?.invitedAt)
    throw new DomainError("CONFLICT", `${name} is already invited; "Resend invitation" sends a new link`, "contactId");
  const invitationSentTo = await deps.db.$transaction(async (tx) => {
    const userId =
      contact.shopUser?.id ??
      (
        await createShopLogin(
          tx,
          { contactId: contact.id, email: contact.email, name, passwordHash: null },
          "contactId",
        )
      ).userId;
    return invite(tx, deps, caller, storefront, { userId, email: contact.email, name, accountId: contact.account.id });
  });
  return { customer: await customerDto(deps, caller, storefront, contact.id), invitationSentTo };
}

/** A fresh invitation for a contact whose login has no password yet (the earlier link stops working). */
export async function resendStorefrontInvitation(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { contactId: string },
): Promise<StorefrontInvitationDto> {
  const { storefront, contact, name } = await customerAtStorefront(deps, caller, input.contactId);
  const state = stateOf(contact);
  const user = contact.shopUser;
  if (state === "NONE" || !user)
    throw new DomainError("PRECONDITION_FAILED", `${name} has no login yet: invite them first`, "contactId");
  if (state === "ACTIVE")
    throw new DomainError(
      "PRECONDITION_FAILED",
      `${name} has already chosen a password; "Forgot password?" at ${storefront.url} sends a new one`,
      "contactId",
    );
  if (state === "DEACTIVATED")
    throw new DomainError("PRECONDITION_FAILED", `You deactivated ${name}'s login: reactivate it first`, "contactId");
  const invitationSentTo = await deps.db.$transaction((tx) =>
    invite(tx, deps, caller, storefront, {
      userId: user.id,
      email: contact.email,
      name,
      accountId: contact.account.id,
    }),
  );
  return { customer: await customerDto(deps, caller, storefront, contact.id), invitationSentTo };
}

async function invite(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  caller: ShopCaller,
  storefront: StandardStorefront,
  login: { userId: string; email: string; name: string; accountId: string },
): Promise<string | null> {
  const invited = { invitedAt: deps.clock.now(), invitedBy: actorOf(caller) };
  await tx.storefrontLogin.upsert({
    where: { storefrontId_shopUserId: { storefrontId: storefront.id, shopUserId: login.userId } },
    create: { storefrontId: storefront.id, shopUserId: login.userId, ...invited },
    update: invited,
  });
  return sendShopInvitation(tx, deps, login, storefront);
}

/**
 * Turns a contact's login off at the caller's storefront: its sessions there
 * end at once and signing in there is refused (auth/storefront-access.ts).
 * Deactivating twice keeps the first time.
 */
export async function deactivateStorefrontLogin(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { contactId: string },
): Promise<StorefrontCustomerDto> {
  const { storefront, contact, name } = await customerAtStorefront(deps, caller, input.contactId);
  const user = contact.shopUser;
  if (!user) throw new DomainError("PRECONDITION_FAILED", `${name} has no login to deactivate`, "contactId");
  if (stateOf(contact) !== "DEACTIVATED") {
    const deactivated = { deactivatedAt: deps.clock.now(), deactivatedBy: actorOf(caller) };
    await deps.db.$transaction([
      deps.db.storefrontLogin.upsert({
        where: { storefrontId_shopUserId: { storefrontId: storefront.id, shopUserId: user.id } },
        create: { storefrontId: storefront.id, shopUserId: user.id, ...deactivated },
        update: deactivated,
      }),
      deps.db.shopSession.deleteMany({ where: { userId: user.id, storefrontId: storefront.id } }),
    ]);
  }
  return customerDto(deps, caller, storefront, contact.id);
}

/** Lets a deactivated login sign in at the caller's storefront again. */
export async function reactivateStorefrontLogin(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { contactId: string },
): Promise<StorefrontCustomerDto> {
  const { storefront, contact } = await customerAtStorefront(deps, caller, input.contactId);
  if (contact.shopUser) {
    await deps.db.storefrontLogin.updateMany({
      where: { storefrontId: storefront.id, shopUserId: contact.shopUser.id },
      data: { deactivatedAt: null, deactivatedBy: null },
    });
  }
  return customerDto(deps, caller, storefront, contact.id);
}
