import type { DomainDeps } from "../deps.ts";
import type { BillingAddressInput } from "../schemas/accounts.ts";
import { billingColumns } from "../accounts/account-dto.ts";
import { createStaffUser } from "../staff/staff-users.ts";

export interface DistributorSetup {
  companyName: string;
  email: string;
  phone: string | null;
  taxId: string | null;
  website: string | null;
  currency: string;
  billingAddress: BillingAddressInput;
  admin: { name: string; email: string; password: string };
}

/**
 * First start of an instance: the distributor account (the instance owner)
 * and its first administrator. Does nothing and returns false when the
 * instance is already set up.
 */
export async function setupDistributor(deps: DomainDeps, setup: DistributorSetup): Promise<boolean> {
  const exists = await deps.db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { id: true } });
  if (exists) return false;
  await deps.db.account.create({
    data: {
      kind: "DISTRIBUTOR",
      companyName: setup.companyName,
      email: setup.email,
      phone: setup.phone,
      taxId: setup.taxId,
      website: setup.website,
      currency: setup.currency,
      ...billingColumns(setup.billingAddress),
    },
  });
  await createStaffUser(deps, { ...setup.admin, role: "ADMIN" });
  return true;
}
