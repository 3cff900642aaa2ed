import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { UpdateCompanyInput } from "../schemas/setup.ts";
import {
  billingAddressSelect,
  billingColumns,
  companyColumns,
  toBillingAddress,
  type BillingAddressDto,
} from "./account-dto.ts";

/** The distributor's own company: the seller on every invoice. */
export interface CompanyDto {
  companyName: string;
  email: string;
  phone: string | null;
  taxId: string | null;
  website: string | null;
  billingAddress: BillingAddressDto;
  currency: string;
  timeZone: string;
  /** What invoices still lack (a first run may leave the address for later). */
  missing: ("address" | "taxId")[];
}

const companySelect = {
  companyName: true,
  email: true,
  phone: true,
  taxId: true,
  website: true,
  ...billingAddressSelect,
  currency: true,
  timeZone: true,
} satisfies Prisma.AccountSelect;

function toCompany(row: Prisma.AccountGetPayload<{ select: typeof companySelect }>): CompanyDto {
  const billingAddress = toBillingAddress(row);
  const missing: CompanyDto["missing"] = [];
  if (!row.billingLine1 || !row.billingCity || !row.billingPostalCode) missing.push("address");
  if (!row.taxId) missing.push("taxId");
  return { ...companyColumns(row), billingAddress, currency: row.currency, timeZone: row.timeZone ?? "UTC", missing };
}

export async function getCompany(deps: Pick<DomainDeps, "db">): Promise<CompanyDto> {
  const row = await deps.db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: companySelect });
  if (!row) throw notFound("The distributor");
  return toCompany(row);
}

/** The currency stays as set up: prices, price lists and invoices are in it. */
export async function updateCompany(deps: Pick<DomainDeps, "db">, input: UpdateCompanyInput): Promise<CompanyDto> {
  const distributor = await deps.db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { id: true } });
  if (!distributor) throw notFound("The distributor");
  const row = await deps.db.account.update({
    where: { id: distributor.id },
    data: { ...companyColumns(input), ...billingColumns(input.billingAddress), timeZone: input.timeZone },
    select: companySelect,
  });
  return toCompany(row);
}
