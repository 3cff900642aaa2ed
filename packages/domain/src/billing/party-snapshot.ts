import type { Prisma } from "@cm/db";
import { billingAddressSelect, formatAccountNumber } from "../accounts/account-dto.ts";

/** Who an invoice is from or to, frozen at issue time. */
export interface PartySnapshot {
  name: string;
  addressLines: string[];
  email: string | null;
  taxId: string | null;
  accountNumber: string | null;
}

const partySelect = {
  number: true,
  kind: true,
  companyName: true,
  email: true,
  taxId: true,
  ...billingAddressSelect,
} satisfies Prisma.AccountSelect;

export async function snapshotParty(
  tx: Prisma.TransactionClient,
  where: Prisma.AccountWhereInput,
): Promise<PartySnapshot> {
  const account = await tx.account.findFirstOrThrow({ where, select: partySelect });
  const cityLine = [account.billingPostalCode, account.billingCity, account.billingRegion].filter(Boolean).join(" ");
  return {
    name: account.companyName,
    addressLines: [account.billingLine1, account.billingLine2, cityLine, account.billingCountry].filter(
      (line): line is string => !!line,
    ),
    email: account.email,
    taxId: account.taxId,
    accountNumber: account.kind === "DISTRIBUTOR" ? null : formatAccountNumber(account.number),
  };
}
