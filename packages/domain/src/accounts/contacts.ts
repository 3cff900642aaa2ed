import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { ContactInput } from "../schemas/accounts.ts";
import type { StaffAccountDetailDto } from "./account-dto.ts";
import { getAccount } from "./get-account.ts";
import { sendShopInvitation } from "./shop-invitation.ts";
import { createShopLogin, removeShopLogin } from "./shop-logins.ts";

// Staff-side contact management. Storefront callers reach contacts only
// through the scoped services in ../storefront.

async function contactAccountId(deps: DomainDeps, contactId: string): Promise<string> {
  const contact = await deps.db.contact.findFirst({
    where: { id: contactId, account: { kind: { not: "DISTRIBUTOR" } } },
    select: { accountId: true },
  });
  if (!contact) throw notFound("The contact");
  return contact.accountId;
}

async function assertEmailFree(deps: DomainDeps, accountId: string, email: string, exceptContactId?: string) {
  const clash = await deps.db.contact.findFirst({
    where: { accountId, email, ...(exceptContactId ? { id: { not: exceptContactId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new DomainError("CONFLICT", "Another contact of this account has that email", "email");
}

/** Retries with the same idempotency key are answered by the idempotent middleware, before this runs. */
export async function addContact(
  deps: DomainDeps,
  input: ContactInput & { accountId: string },
): Promise<StaffAccountDetailDto> {
  const { accountId, firstName, lastName, email, phone, jobTitle } = input;
  await getAccount(deps, accountId);
  await assertEmailFree(deps, accountId, email);
  await deps.db.contact.create({ data: { accountId, firstName, lastName, email, phone, jobTitle } });
  return getAccount(deps, accountId);
}

export async function updateContact(
  deps: DomainDeps,
  input: ContactInput & { id: string },
): Promise<StaffAccountDetailDto> {
  const { id, ...contact } = input;
  const accountId = await contactAccountId(deps, id);
  await assertEmailFree(deps, accountId, contact.email, id);
  await deps.db.contact.update({ where: { id }, data: contact });
  return getAccount(deps, accountId);
}

export async function setPrimaryContact(deps: DomainDeps, contactId: string): Promise<StaffAccountDetailDto> {
  const accountId = await contactAccountId(deps, contactId);
  await deps.db.account.update({ where: { id: accountId }, data: { primaryContactId: contactId } });
  return getAccount(deps, accountId);
}

export async function removeContact(deps: DomainDeps, contactId: string): Promise<StaffAccountDetailDto> {
  const accountId = await contactAccountId(deps, contactId);
  const account = await deps.db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { primaryContactId: true },
  });
  if (account.primaryContactId === contactId) {
    throw new DomainError("PRECONDITION_FAILED", "Choose another primary contact before removing this one");
  }
  await deps.db.contact.delete({ where: { id: contactId } });
  return getAccount(deps, accountId);
}

export interface StorefrontInvitationResult {
  account: StaffAccountDetailDto;
  /** The address the invitation was queued to; null when the shop-invitation template is turned off. */
  invitationSentTo: string | null;
}

/**
 * Lets a contact log in to the Storefront with its email: the login and an
 * invitation email with a link to choose the password, in one transaction.
 */
export async function grantStorefrontLogin(
  deps: DomainDeps,
  input: { contactId: string },
): Promise<StorefrontInvitationResult> {
  const accountId = await contactAccountId(deps, input.contactId);
  const contact = await deps.db.contact.findUniqueOrThrow({
    where: { id: input.contactId },
    select: { email: true, firstName: true, lastName: true },
  });
  const name = `${contact.firstName} ${contact.lastName}`;
  const invitationSentTo = await deps.db.$transaction(async (tx) => {
    const { userId } = await createShopLogin(tx, {
      contactId: input.contactId,
      email: contact.email,
      name,
      passwordHash: null,
    });
    return sendShopInvitation(tx, deps, { userId, email: contact.email, name, accountId });
  });
  return { account: await getAccount(deps, accountId), invitationSentTo };
}

/** A new invitation for a contact whose login has no password yet (the earlier link stops working). */
export async function resendStorefrontInvitation(
  deps: DomainDeps,
  contactId: string,
): Promise<StorefrontInvitationResult> {
  const accountId = await contactAccountId(deps, contactId);
  const invitationSentTo = await deps.db.$transaction(async (tx) => {
    const login = await tx.shopUser.findUnique({
      where: { contactId },
      select: {
        id: true,
        email: true,
        name: true,
        credentials: { where: { providerId: "credential", password: { not: null } }, select: { id: true }, take: 1 },
      },
    });
    if (!login) throw new DomainError("PRECONDITION_FAILED", "This contact has no Storefront login; give it one first");
    if (login.credentials.length > 0) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        'This contact has already chosen a password; "Forgot password?" on the sign-in page sends a new one',
      );
    }
    return sendShopInvitation(tx, deps, { userId: login.id, email: login.email, name: login.name, accountId });
  });
  return { account: await getAccount(deps, accountId), invitationSentTo };
}

export async function revokeStorefrontLogin(deps: DomainDeps, contactId: string): Promise<StaffAccountDetailDto> {
  const accountId = await contactAccountId(deps, contactId);
  await deps.db.$transaction((tx) => removeShopLogin(tx, contactId));
  return getAccount(deps, accountId);
}
