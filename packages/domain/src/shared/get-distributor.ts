import type { Prisma, PrismaClient } from "@cm/db";
import { DomainError } from "../errors.ts";

type Db = PrismaClient | Prisma.TransactionClient;

/** What the services read of the distributor: its id, its company as documents print it, its time zone. */
const distributorSelect = {
  id: true,
  number: true,
  kind: true,
  companyName: true,
  email: true,
  taxId: true,
  timeZone: true,
  billingLine1: true,
  billingLine2: true,
  billingCity: true,
  billingRegion: true,
  billingPostalCode: true,
  billingCountry: true,
} satisfies Prisma.AccountSelect;

export type DistributorRow = Prisma.AccountGetPayload<{ select: typeof distributorSelect }>;

const byTransaction = new WeakMap<object, Promise<DistributorRow | null>>();

/**
 * The distributor's row, read once per transaction: issuing an invoice needs
 * its id, its party snapshot, its time zone and its name (for the email's
 * default branding), and each used to be a statement of its own. Outside a
 * transaction (the client itself) it is read every time: the company can be
 * edited in Setup > Company at any moment, so nothing is kept across requests.
 */
export function loadDistributor(db: Db): Promise<DistributorRow | null> {
  const read = () => db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: distributorSelect });
  // An interactive transaction's client has no $transaction of its own.
  if (typeof (db as { $transaction?: unknown }).$transaction === "function") return read();
  let row = byTransaction.get(db);
  if (!row) {
    row = read();
    byTransaction.set(db, row);
    // Not set up yet: the transaction that sets it up reads it again.
    void row.then(
      (found) => found ?? byTransaction.delete(db),
      () => byTransaction.delete(db),
    );
  }
  return row;
}

/** The distributor's row (loadDistributor), or the error of an instance not set up yet. */
export async function requireDistributor(db: Db): Promise<DistributorRow> {
  const distributor = await loadDistributor(db);
  if (!distributor) throw new DomainError("PRECONDITION_FAILED", "The distributor account is not set up yet");
  return distributor;
}

/** The instance owner: every reseller and direct customer hangs under it. */
export async function getDistributorId(db: Db): Promise<string> {
  return (await requireDistributor(db)).id;
}
