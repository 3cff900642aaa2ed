import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { hashLoginPassword } from "../accounts/shop-logins.ts";
import type { InstanceSetup } from "../schemas/setup.ts";
import { priceFreePlanIn } from "../plans/plan-catalog.ts";
import { insertStaffUser } from "../staff/staff-users.ts";

export interface InstanceSetupResult {
  distributorId: string;
  admin: { id: string; name: string; email: string };
}

export const ALREADY_SET_UP =
  "This instance is already set up: it has an administrator. Sign in to the BSS; administrators add more people under Setup > Staff.";

/**
 * A real deployment's first run (`npm run setup`, or /bss/setup in the
 * browser): the distributor and its first administrator, in one
 * transaction. Refused, changing nothing, once any staff user exists.
 *
 * The company's address may come later (Setup > Company): until then the
 * distributor's address columns are empty strings, which documents leave out.
 */
export async function setupInstance(deps: Pick<DomainDeps, "db">, setup: InstanceSetup): Promise<InstanceSetupResult> {
  const passwordHash = await hashLoginPassword(setup.adminPassword);
  return deps.db.$transaction(async (tx) => {
    // Two set-ups racing (two browsers, or the CLI beside the page): one waits, then sees the other's administrator.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('cloudmarket:instance-setup'))::text`;
    if ((await tx.staffUser.count()) > 0) throw new DomainError("CONFLICT", ALREADY_SET_UP);
    const distributorId = await saveDistributor(tx, setup);
    await priceFreePlanIn(tx, setup.currency);
    const admin = await insertStaffUser(tx, {
      name: setup.adminName,
      email: setup.adminEmail,
      role: "ADMIN",
      passwordHash,
    });
    await tx.setupToken.deleteMany({});
    return { distributorId, admin: { id: admin.id, name: admin.name, email: admin.email } };
  });
}

/** Creates the distributor, or completes one left without any staff user (its company details are replaced). */
async function saveDistributor(tx: Prisma.TransactionClient, setup: InstanceSetup): Promise<string> {
  const company = {
    companyName: setup.companyName,
    email: setup.companyEmail ?? setup.adminEmail,
    taxId: setup.taxId,
    currency: setup.currency,
    timeZone: setup.timeZone,
    billingLine1: setup.addressLine1 ?? "",
    billingCity: setup.city ?? "",
    billingPostalCode: setup.postalCode ?? "",
    billingCountry: setup.country,
  };
  const existing = await tx.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { id: true } });
  if (existing) {
    await tx.account.update({ where: { id: existing.id }, data: company });
    return existing.id;
  }
  const created = await tx.account.create({ data: { kind: "DISTRIBUTOR", ...company }, select: { id: true } });
  return created.id;
}

/** True while nobody can sign in to the BSS: the instance waits for its first administrator. */
export async function isSetupNeeded(deps: Pick<DomainDeps, "db">): Promise<boolean> {
  return (await deps.db.staffUser.count()) === 0;
}
