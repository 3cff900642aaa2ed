import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { UpdateAccountInput } from "../schemas/accounts.ts";
import { billingColumns, type AccountDetailDto } from "./account-dto.ts";
import { getAccount } from "./get-account.ts";

/** Staff edits an account's company details, billing address, currency and status. */
export async function updateAccount(deps: DomainDeps, input: UpdateAccountInput): Promise<AccountDetailDto> {
  const { count } = await deps.db.account.updateMany({
    where: { id: input.id, kind: { not: "DISTRIBUTOR" } },
    data: {
      companyName: input.companyName,
      email: input.email,
      phone: input.phone,
      taxId: input.taxId,
      website: input.website,
      currency: input.currency,
      status: input.status,
      ...billingColumns(input.billingAddress),
    },
  });
  if (count === 0) throw notFound("The account");
  return getAccount(deps, input.id);
}
