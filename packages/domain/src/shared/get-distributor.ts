import type { Prisma, PrismaClient } from "@cm/db";
import { DomainError } from "../errors.ts";
import { isTransaction, transactionMemo } from "./transaction-memo.ts";

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

// Not set up yet (null): the transaction that sets it up reads it again.
const distributorOfTransaction = transactionMemo<DistributorRow | null>((found) => found !== null);

/**
 * The distributor's row, read once per transaction: issuing an invoice needs
 * its id, its party snapshot, its time zone and its name (for the email's
 * default branding), and each used to be a statement of its own. Outside a
 * transaction (the client itself) it is read every time: the company can be
 * edited in Setup > Company at any moment, so nothing is kept across requests.
 */
export function loadDistributor(db: Db): Promise<DistributorRow | null> {
  return distributorOfTransaction.get(db, "distributor", () =>
    db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: distributorSelect }),
  );
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

/**
 * An account of a sale as its one read returns it (loadSaleAccounts, tax/tax-context.ts): the
 * distributor's columns, and what ordering and billing ask of the buyer.
 */
export type SaleAccountRow = DistributorRow & {
  status: string;
  currency: string;
  bittitanSyncStatus: string;
  primaryContact: { firstName: string; lastName: string; email: string; phone: string | null } | null;
};

const accountsByTransaction = new WeakMap<object, Map<string, SaleAccountRow>>();

/**
 * Keeps a sale's account rows for the rest of the transaction `db` (nothing
 * outside one): the invoice's party snapshots and the distributor's row
 * (loadDistributor) are then read from them, as they stood when the sale
 * was priced, instead of with statements of their own. No transaction that
 * sells changes an account.
 */
export function rememberSaleAccounts(db: Db, rows: SaleAccountRow[]): void {
  if (!isTransaction(db)) return;
  let known = accountsByTransaction.get(db);
  if (!known) {
    known = new Map();
    accountsByTransaction.set(db, known);
  }
  for (const row of rows) {
    known.set(row.id, row);
    if (row.kind === "DISTRIBUTOR") distributorOfTransaction.prime(db, "distributor", row);
  }
}

/** An account row this transaction's sale already read (rememberSaleAccounts), if any. */
export function rememberedAccount(db: Db, id: string): SaleAccountRow | undefined {
  return accountsByTransaction.get(db)?.get(id);
}
