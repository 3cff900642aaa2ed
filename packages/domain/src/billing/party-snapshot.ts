import type { Prisma } from "@cm/db";
import { billingAddressSelect, formatAccountNumber } from "../accounts/account-dto.ts";
import { COUNTRY_CODES } from "../schemas/countries.ts";
import { rememberedAccount } from "../shared/get-distributor.ts";

/** Who an invoice is from or to, frozen at issue time. */
export interface PartySnapshot {
  name: string;
  /** The street and city lines, without the country. */
  addressLines: string[];
  /** ISO 3166 code (the documents print its name); null when the account had none. */
  country: string | null;
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
  return partySnapshotOf(await tx.account.findFirstOrThrow({ where, select: partySelect }));
}

/**
 * The snapshot of the account `accountId` in the transaction `tx`: from the
 * row its sale was priced with (rememberSaleAccounts), else read now.
 */
export async function snapshotAccount(tx: Prisma.TransactionClient, accountId: string): Promise<PartySnapshot> {
  const known = rememberedAccount(tx, accountId);
  return known ? partySnapshotOf(known) : snapshotParty(tx, { id: accountId });
}

/** The snapshot of an account row read with (at least) the snapshot's columns. */
export function partySnapshotOf(account: Prisma.AccountGetPayload<{ select: typeof partySelect }>): PartySnapshot {
  const cityLine = [account.billingPostalCode, account.billingCity, account.billingRegion].filter(Boolean).join(" ");
  return {
    name: account.companyName,
    addressLines: [account.billingLine1, account.billingLine2, cityLine].filter((line): line is string => !!line),
    country: account.billingCountry.trim() || null,
    email: account.email,
    taxId: account.taxId,
    accountNumber: account.kind === "DISTRIBUTOR" ? null : formatAccountNumber(account.number),
  };
}

type StoredParty = Omit<PartySnapshot, "country"> & { country?: string | null };

/**
 * A snapshot as an invoice row holds it. Snapshots written before the country had a
 * field of its own ended their address lines with the country code (snapshotParty
 * always added it last), so that line becomes the country.
 */
export function readPartySnapshot(stored: Prisma.JsonValue): PartySnapshot {
  const party = stored as unknown as StoredParty;
  const { name, email, taxId, accountNumber } = party;
  if (party.country !== undefined) {
    return { name, addressLines: party.addressLines, country: party.country, email, taxId, accountNumber };
  }
  const last = party.addressLines.at(-1);
  const legacyCountry = last !== undefined && COUNTRY_CODES.has(last) ? last : null;
  const addressLines = legacyCountry ? party.addressLines.slice(0, -1) : party.addressLines;
  return { name, addressLines, country: legacyCountry, email, taxId, accountNumber };
}
