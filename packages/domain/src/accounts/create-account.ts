import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { CreateAccountInput } from "../schemas/accounts.ts";
import { checkPriceListFor } from "./assign-price-list.ts";
import { companyColumns, type StaffAccountDetailDto } from "./account-dto.ts";
import { getAccount } from "./get-account.ts";
import { insertAccount } from "./insert-account.ts";
import { sendShopInvitation } from "./shop-invitation.ts";
import { createShopLogin, hashLoginPassword } from "./shop-logins.ts";
import { getDistributorId } from "../shared/get-distributor.ts";

/** Staff creates a reseller, a direct customer or a reseller's end-customer. */
export async function createAccount(
  deps: DomainDeps,
  input: CreateAccountInput,
): Promise<StaffAccountDetailDto & { invitationSentTo: string | null }> {
  if (input.invitePrimaryContact && input.primaryContactPassword) {
    throw new DomainError(
      "INVALID",
      "Either invite the contact or give a password, not both",
      "primaryContactPassword",
    );
  }
  const parentId = await resolveParent(deps, input);
  const passwordHash = input.primaryContactPassword ? await hashLoginPassword(input.primaryContactPassword) : null;
  const { id, invitationSentTo } = await deps.db.$transaction(async (tx) => {
    const { accountId, primaryContactId } = await insertAccount(tx, {
      kind: input.kind,
      parentId,
      ...companyColumns(input),
      currency: input.currency,
      billingAddress: input.billingAddress,
      primaryContact: input.primaryContact,
      priceListId: await checkPriceListFor(tx, input, input.priceListId ?? null),
    });
    if (!passwordHash && !input.invitePrimaryContact) return { id: accountId, invitationSentTo: null };
    const login = {
      email: input.primaryContact.email,
      name: `${input.primaryContact.firstName} ${input.primaryContact.lastName}`,
    };
    const { userId } = await createShopLogin(
      tx,
      { ...login, contactId: primaryContactId, passwordHash },
      "primaryContact.email",
    );
    return {
      id: accountId,
      invitationSentTo: passwordHash ? null : await sendShopInvitation(tx, deps, { ...login, userId, accountId }),
    };
  });
  return { ...(await getAccount(deps, id)), invitationSentTo };
}

async function resolveParent(deps: DomainDeps, input: CreateAccountInput): Promise<string> {
  if (input.kind !== "END_CUSTOMER") {
    if (input.parentId) throw new DomainError("INVALID", "Only end-customers have a parent reseller", "parentId");
    return getDistributorId(deps.db);
  }
  if (!input.parentId) throw new DomainError("INVALID", "Choose the reseller that owns this end-customer", "parentId");
  const parent = await deps.db.account.findUnique({
    where: { id: input.parentId },
    select: { kind: true, status: true },
  });
  if (!parent || parent.kind !== "RESELLER") {
    throw new DomainError("INVALID", "The owner of an end-customer must be a reseller", "parentId");
  }
  if (parent.status !== "ACTIVE") throw new DomainError("INVALID", "That reseller is inactive", "parentId");
  return input.parentId;
}
