import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { checkPriceListFor } from "./assign-price-list.ts";
import type { UpdateAccountInput } from "../schemas/accounts.ts";
import { billingColumns, companyColumns, type StaffAccountDetailDto } from "./account-dto.ts";
import { getAccount } from "./get-account.ts";

/** Staff edits an account's company details, billing address, currency, status and price list. */
export async function updateAccount(deps: DomainDeps, input: UpdateAccountInput): Promise<StaffAccountDetailDto> {
  await deps.db.$transaction(async (tx) => {
    const existing = await tx.account.findFirst({
      where: { id: input.id, kind: { not: "DISTRIBUTOR" } },
      select: { kind: true, priceListId: true },
    });
    if (!existing) throw notFound("The account");
    // A currency change keeps the list only if the list is in the new currency.
    const priceListId = await checkPriceListFor(
      tx,
      { kind: existing.kind, currency: input.currency },
      input.priceListId === undefined ? existing.priceListId : input.priceListId,
    );
    await tx.account.update({
      where: { id: input.id },
      data: {
        ...companyColumns(input),
        ...billingColumns(input.billingAddress),
        currency: input.currency,
        status: input.status,
        priceListId,
      },
    });
  });
  return getAccount(deps, input.id);
}
