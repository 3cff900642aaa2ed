import type { DomainDeps } from "../deps.ts";
import type { BillingAddressInput } from "../schemas/accounts.ts";
import { billingColumns } from "../accounts/account-dto.ts";
import { hashLoginPassword } from "../accounts/shop-logins.ts";
import { insertStaffUser } from "../staff/staff-users.ts";

export interface DistributorSetup {
  companyName: string;
  email: string;
  phone: string | null;
  taxId: string | null;
  website: string | null;
  currency: string;
  /** IANA time zone; UTC when not given. */
  timeZone?: string;
  billingAddress: BillingAddressInput;
  admin: { name: string; email: string; password: string };
}

/**
 * A complete distributor with its first administrator, in one transaction
 * (the demo seed and the test harness). Does nothing and returns false when
 * the instance already has a distributor.
 */
export async function setupDistributor(deps: DomainDeps, setup: DistributorSetup): Promise<boolean> {
  const passwordHash = await hashLoginPassword(setup.admin.password);
  return deps.db.$transaction(async (tx) => {
    if (await tx.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { id: true } })) return false;
    await tx.account.create({
      data: {
        kind: "DISTRIBUTOR",
        companyName: setup.companyName,
        email: setup.email,
        phone: setup.phone,
        taxId: setup.taxId,
        website: setup.website,
        currency: setup.currency,
        timeZone: setup.timeZone ?? null,
        ...billingColumns(setup.billingAddress),
      },
    });
    await insertStaffUser(tx, { ...setup.admin, role: "ADMIN", passwordHash });
    return true;
  });
}
