import type { AccountKind, AccountStatus, BitTitanSyncStatus, Prisma } from "@cm/db";

export const formatAccountNumber = (number: number) => `A-${String(number).padStart(5, "0")}`;

export interface BillingAddressDto {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
}

export interface ContactDto {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  isPrimary: boolean;
  /** The Storefront login email, when this contact may log in. */
  loginEmail: string | null;
  /** False while an invited contact has not chosen its password yet (null without a login). */
  loginPasswordSet: boolean | null;
}

export interface AccountSummaryDto {
  id: string;
  number: string;
  kind: AccountKind;
  status: AccountStatus;
  companyName: string;
  email: string;
  country: string;
  currency: string;
  parent: { id: string; companyName: string } | null;
  bittitanSyncStatus: BitTitanSyncStatus;
  createdAt: Date;
}

export interface AccountDetailDto extends AccountSummaryDto {
  phone: string | null;
  taxId: string | null;
  website: string | null;
  billingAddress: BillingAddressDto;
  primaryContact: ContactDto | null;
  contacts: ContactDto[];
  endCustomers: AccountSummaryDto[];
}

export const accountSummarySelect = {
  id: true,
  number: true,
  kind: true,
  status: true,
  companyName: true,
  email: true,
  billingCountry: true,
  currency: true,
  createdAt: true,
  bittitanSyncStatus: true,
  parent: { select: { id: true, companyName: true } },
} satisfies Prisma.AccountSelect;

const contactSelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  jobTitle: true,
  shopUser: {
    select: {
      email: true,
      credentials: { where: { providerId: "credential", password: { not: null } }, select: { id: true }, take: 1 },
    },
  },
} satisfies Prisma.ContactSelect;

/** The columns of an account's billing address. */
export const billingAddressSelect = {
  billingLine1: true,
  billingLine2: true,
  billingCity: true,
  billingRegion: true,
  billingPostalCode: true,
  billingCountry: true,
} satisfies Prisma.AccountSelect;

export function toBillingAddress(
  row: Prisma.AccountGetPayload<{ select: typeof billingAddressSelect }>,
): BillingAddressDto {
  return {
    line1: row.billingLine1,
    line2: row.billingLine2,
    city: row.billingCity,
    region: row.billingRegion,
    postalCode: row.billingPostalCode,
    country: row.billingCountry,
  };
}

export const accountDetailSelect = {
  ...accountSummarySelect,
  ...billingAddressSelect,
  phone: true,
  taxId: true,
  website: true,
  primaryContactId: true,
  contacts: { select: contactSelect, orderBy: [{ lastName: "asc" }, { firstName: "asc" }] },
  children: { select: accountSummarySelect, orderBy: { companyName: "asc" } },
} satisfies Prisma.AccountSelect;

/** What staff see (BSS): the account and its price list, which the Storefront never shows. */
export interface StaffAccountDetailDto extends AccountDetailDto {
  priceList: { id: string; name: string; currency: string } | null;
  /** Who checked the VAT number by hand, and when (null: not verified). */
  vatVerified: { at: Date; by: string } | null;
}

export const staffAccountDetailSelect = {
  ...accountDetailSelect,
  priceList: { select: { id: true, name: true, currency: true } },
  vatVerifiedAt: true,
  vatVerifiedBy: true,
} satisfies Prisma.AccountSelect;

type SummaryRow = Prisma.AccountGetPayload<{ select: typeof accountSummarySelect }>;
type DetailRow = Prisma.AccountGetPayload<{ select: typeof accountDetailSelect }>;
type ContactRow = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;

export function toAccountSummary(row: SummaryRow): AccountSummaryDto {
  return {
    id: row.id,
    number: formatAccountNumber(row.number),
    kind: row.kind,
    status: row.status,
    companyName: row.companyName,
    email: row.email,
    country: row.billingCountry,
    currency: row.currency,
    parent: row.parent,
    bittitanSyncStatus: row.bittitanSyncStatus,
    createdAt: row.createdAt,
  };
}

function toContact(row: ContactRow, primaryContactId: string | null): ContactDto {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    jobTitle: row.jobTitle,
    isPrimary: row.id === primaryContactId,
    loginEmail: row.shopUser?.email ?? null,
    loginPasswordSet: row.shopUser ? row.shopUser.credentials.length > 0 : null,
  };
}

export function toAccountDetail(row: DetailRow): AccountDetailDto {
  const contacts = row.contacts.map((contact) => toContact(contact, row.primaryContactId));
  return {
    ...toAccountSummary(row),
    phone: row.phone,
    taxId: row.taxId,
    website: row.website,
    billingAddress: toBillingAddress(row),
    primaryContact: contacts.find((contact) => contact.isPrimary) ?? null,
    contacts,
    endCustomers: row.children.filter((child) => child.kind === "END_CUSTOMER").map(toAccountSummary),
  };
}

export function toStaffAccountDetail(
  row: Prisma.AccountGetPayload<{ select: typeof staffAccountDetailSelect }>,
): StaffAccountDetailDto {
  const vatVerified = row.vatVerifiedAt ? { at: row.vatVerifiedAt, by: row.vatVerifiedBy ?? "" } : null;
  return { ...toAccountDetail(row), priceList: row.priceList, vatVerified };
}

/** The company details of form input, as Account columns. */
export function companyColumns(input: {
  companyName: string;
  email: string;
  phone: string | null;
  taxId: string | null;
  website: string | null;
}) {
  return {
    companyName: input.companyName,
    email: input.email,
    phone: input.phone,
    taxId: input.taxId,
    website: input.website,
  };
}

/** Flattens form input into the Account columns. */
export function billingColumns(address: BillingAddressDto) {
  return {
    billingLine1: address.line1,
    billingLine2: address.line2,
    billingCity: address.city,
    billingRegion: address.region,
    billingPostalCode: address.postalCode,
    billingCountry: address.country,
  };
}
