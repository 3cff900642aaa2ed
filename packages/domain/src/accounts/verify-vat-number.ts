import type { StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { isWellFormedVatNumber } from "../schemas/vat-numbers.ts";
import type { StaffAccountDetailDto } from "./account-dto.ts";
import { getAccount } from "./get-account.ts";

/**
 * Staff mark an account's VAT number verified (checked by hand, e.g. in the
 * EU's VIES, which an instance cannot reach), or take the mark back. The mark
 * records who checked and when; the tax does not wait for it (a number of its
 * country's format already gets the reverse charge, see ARCHITECTURE.md
 * "VAT by place of supply"). Changing the number or the country clears it (a
 * database trigger, whatever path changes them).
 */
export async function setVatVerified(
  deps: DomainDeps,
  staff: StaffCaller,
  input: { accountId: string; verified: boolean },
): Promise<StaffAccountDetailDto> {
  const account = await deps.db.account.findFirst({
    where: { id: input.accountId, kind: { not: "DISTRIBUTOR" } },
    select: { taxId: true, billingCountry: true },
  });
  if (!account) throw notFound("The account");
  if (input.verified && !isWellFormedVatNumber(account.billingCountry, account.taxId)) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      account.taxId
        ? "Only an EU VAT number of the account's billing country can be marked verified"
        : "The account has no VAT number to verify",
    );
  }
  await deps.db.account.update({
    where: { id: input.accountId },
    data: input.verified
      ? { vatVerifiedAt: deps.clock.now(), vatVerifiedBy: staff.name }
      : { vatVerifiedAt: null, vatVerifiedBy: null },
  });
  return getAccount(deps, input.accountId);
}
