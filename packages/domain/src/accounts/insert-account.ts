import type { AccountKind, Prisma } from "@cm/db";
import type { BillingAddressInput, ContactInput } from "../schemas/accounts.ts";
import { billingColumns } from "./account-dto.ts";

export interface NewAccount {
  kind: AccountKind;
  parentId: string;
  companyName: string;
  email: string;
  phone: string | null;
  taxId: string | null;
  website: string | null;
  currency: string;
  billingAddress: BillingAddressInput;
  primaryContact: ContactInput;
  /** Checked by the caller (accounts/assign-price-list.ts). */
  priceListId?: string | null;
}

/** Writes an account and its primary contact inside the caller's transaction. */
export async function insertAccount(tx: Prisma.TransactionClient, account: NewAccount) {
  const { billingAddress, primaryContact, ...columns } = account;
  const created = await tx.account.create({
    data: { ...columns, ...billingColumns(billingAddress) },
    select: { id: true },
  });
  const contact = await tx.contact.create({ data: { accountId: created.id, ...primaryContact }, select: { id: true } });
  await tx.account.update({ where: { id: created.id }, data: { primaryContactId: contact.id } });
  return { accountId: created.id, primaryContactId: contact.id };
}
