import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { ContactInput } from "../schemas/accounts.ts";
import type { StaffAccountDetailDto } from "./account-dto.ts";
import { getAccount } from "./get-account.ts";
import { createShopLogin, hashLoginPassword, removeShopLogin } from "./shop-logins.ts";

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
export async function addContact(deps: DomainDeps, input: ContactInput & { accountId: string }): Promise<StaffAccountDetailDto> {
  const { accountId, firstName, lastName, email, phone, jobTitle } = input;
  await getAccount(deps, accountId);
  await assertEmailFree(deps, accountId, email);
  await deps.db.contact.create({ data: { accountId, firstName, lastName, email, phone, jobTitle } });
  return getAccount(deps, accountId);
}

export async function updateContact(deps: DomainDeps, input: ContactInput & { id: string }): Promise<StaffAccountDetailDto> {
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
  const account = await deps.db.account.findUniqueOrThrow({ where: { id: accountId }, select: { primaryContactId: true } });
  if (account.primaryContactId === contactId) {
    throw new DomainError("PRECONDITION_FAILED", "Choose another primary contact before removing this one");
  }
  await deps.db.contact.delete({ where: { id: contactId } });
  return getAccount(deps, accountId);
}

/** Lets a contact log in to the Storefront with its email and this password. */
export async function grantStorefrontLogin(
  deps: DomainDeps,
  input: { contactId: string; password: string },
): Promise<StaffAccountDetailDto> {
  const accountId = await contactAccountId(deps, input.contactId);
  const contact = await deps.db.contact.findUniqueOrThrow({
    where: { id: input.contactId },
    select: { email: true, firstName: true, lastName: true },
  });
  const passwordHash = await hashLoginPassword(input.password);
  await deps.db.$transaction((tx) =>
    createShopLogin(tx, {
      contactId: input.contactId,
      email: contact.email,
      name: `${contact.firstName} ${contact.lastName}`,
      passwordHash,
    }),
  );
  return getAccount(deps, accountId);
}

export async function revokeStorefrontLogin(deps: DomainDeps, contactId: string): Promise<StaffAccountDetailDto> {
  const accountId = await contactAccountId(deps, contactId);
  await deps.db.$transaction((tx) => removeShopLogin(tx, contactId));
  return getAccount(deps, accountId);
}
