import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import type { UpdateMyAccountInput } from "../schemas/accounts.ts";
import { accountDetailSelect, billingColumns, toAccountDetail, type AccountDetailDto } from "./account-dto.ts";

export interface MyAccountDto {
  account: AccountDetailDto;
  me: { contactId: string; name: string; email: string };
}

export async function getMyAccount(deps: DomainDeps, caller: ShopCaller): Promise<MyAccountDto> {
  const row = await deps.db.account.findUniqueOrThrow({ where: { id: caller.accountId }, select: accountDetailSelect });
  return {
    account: toAccountDetail(row),
    me: { contactId: caller.contactId, name: caller.name, email: caller.email },
  };
}

/** A customer keeps its contact details and billing address current; its name and currency are the distributor's to change. */
export async function updateMyAccount(
  deps: DomainDeps,
  caller: ShopCaller,
  input: UpdateMyAccountInput,
): Promise<MyAccountDto> {
  await deps.db.account.update({
    where: { id: caller.accountId },
    data: {
      email: input.email,
      phone: input.phone,
      taxId: input.taxId,
      website: input.website,
      ...billingColumns(input.billingAddress),
    },
  });
  return getMyAccount(deps, caller);
}
