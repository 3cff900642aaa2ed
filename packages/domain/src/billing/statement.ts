import type { Prisma } from "@cm/db";
import { formatAccountNumber } from "../accounts/account-dto.ts";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { StatementPeriod } from "../schemas/billing.ts";
import { Money } from "../shared/money.ts";
import { dateToDay, dayIn, dayToDate, distributorTimeZone, nextDay, startOfDayIn } from "./calendar-days.ts";
import { PAYMENT_METHOD_LABELS } from "../schemas/billing.ts";

// A statement of account lists what changed what an account owes, day by day
// as the distributor's calendar has them: invoices (+), credit notes (-), a
// void (-, the invoice's amount, on the day it was voided), payments (-) and
// refunds paid out (+), each with the balance after it. Opening + movements =
// closing; a positive balance is owed by the customer, a negative one to it.

export type StatementLineKind = "invoice" | "credit-note" | "void" | "payment" | "refund";

export interface StatementLineDto {
  /** The day, "2026-12-03". */
  date: string;
  kind: StatementLineKind;
  document: { id: string; number: string } | null;
  description: string;
  /** Positive: owed more (an invoice, a refund paid out); negative: owed less. */
  amount: string;
  balance: string;
}

export interface StatementDto {
  account: { id: string; number: string; companyName: string };
  currency: string;
  /** Every currency the account has documents or payments in (a statement is in one). */
  currencies: string[];
  from: string;
  to: string;
  timeZone: string;
  openingBalance: string;
  closingBalance: string;
  totals: { invoiced: string; credited: string; voided: string; paid: string; refunded: string };
  lines: StatementLineDto[];
}

interface Movement extends Omit<StatementLineDto, "balance"> {
  /** Orders movements of one day. */
  at: Date;
}

/** The account a statement or balance is for: a Storefront caller's own, or the one staff name. */
export async function statementAccountOf(deps: DomainDeps, caller: Caller, accountId?: string) {
  const id = caller.kind === "shop" ? caller.accountId : accountId;
  const account = id
    ? await deps.db.account.findFirst({
        where: { id, kind: { not: "DISTRIBUTOR" } },
        select: { id: true, number: true, companyName: true, currency: true },
      })
    : null;
  if (!account) throw notFound("The account");
  return account;
}

/** The statement of account for one period (both days included) in one currency (default: the account's). */
export async function accountStatement(
  deps: DomainDeps,
  caller: Caller,
  input: StatementPeriod & { accountId?: string },
): Promise<StatementDto> {
  const account = await statementAccountOf(deps, caller, input.accountId);
  const currency = input.currency ?? account.currency;
  const timeZone = await distributorTimeZone(deps.db);
  const start = startOfDayIn(input.from, timeZone);
  const end = startOfDayIn(nextDay(input.to), timeZone);
  const base = { accountId: account.id, currency };
  const opening = await balanceBefore(deps.db, base, start, input.from);
  const movements = await movementsBetween(deps.db, base, { start, end, from: input.from, to: input.to }, timeZone);
  let balance = new Money(opening);
  const lines = movements.map(({ at: _at, ...movement }) => {
    balance = balance.plus(movement.amount);
    return { ...movement, balance: balance.toFixed(2) };
  });
  const total = (kind: StatementLineKind) =>
    movements
      .filter((movement) => movement.kind === kind)
      .reduce((sum, movement) => sum.plus(movement.amount), new Money(0))
      .abs()
      .toFixed(2);
  return {
    account: { id: account.id, number: formatAccountNumber(account.number), companyName: account.companyName },
    currency,
    currencies: await currenciesOf(deps.db, account.id, account.currency),
    from: input.from,
    to: input.to,
    timeZone,
    openingBalance: new Money(opening).toFixed(2),
    closingBalance: balance.toFixed(2),
    totals: {
      invoiced: total("invoice"),
      credited: total("credit-note"),
      voided: total("void"),
      paid: total("payment"),
      refunded: total("refund"),
    },
    lines,
  };
}

type Db = DomainDeps["db"];
type Base = { accountId: string; currency: string };

/**
 * A statement is of the account with the distributor: the documents the
 * distributor issued (a reseller's invoices to its end-customers are the
 * reseller's business, shown in its Sales).
 */
const distributorIssued = { issuer: { kind: "DISTRIBUTOR" } } satisfies Prisma.InvoiceWhereInput;

/** What the account owed at `start` (the first instant of the day `from`). */
async function balanceBefore(db: Db, base: Base, start: Date, from: string): Promise<string> {
  const issued = await db.invoice.aggregate({
    where: { ...base, ...distributorIssued, issuedAt: { lt: start } },
    _sum: { gross: true },
  });
  const voided = await db.invoice.aggregate({
    where: { ...base, ...distributorIssued, ...voidedBefore(start) },
    _sum: { gross: true },
  });
  const paid = await db.payment.aggregate({
    where: { ...base, receivedOn: { lt: dayToDate(from) } },
    _sum: { amount: true },
  });
  const refunded = await db.refund.aggregate({
    where: { ...base, refundedOn: { lt: dayToDate(from) } },
    _sum: { amount: true },
  });
  const zero = new Money(0);
  return zero
    .plus(issued._sum.gross ?? zero)
    .minus(voided._sum.gross ?? zero)
    .minus(paid._sum.amount ?? zero)
    .plus(refunded._sum.amount ?? zero)
    .toFixed(2);
}

/** Void invoices voided before `start` (one voided before void times were kept counts at its issue time). */
const voidedBefore = (start: Date): Prisma.InvoiceWhereInput => ({
  kind: "INVOICE",
  state: "VOID",
  OR: [{ voidedAt: { lt: start } }, { voidedAt: null, issuedAt: { lt: start } }],
});

async function movementsBetween(
  db: Db,
  base: Base,
  period: { start: Date; end: Date; from: string; to: string },
  timeZone: string,
): Promise<Movement[]> {
  const { start, end } = period;
  const documents = await db.invoice.findMany({
    where: { ...base, ...distributorIssued, issuedAt: { gte: start, lt: end } },
    select: {
      id: true,
      number: true,
      kind: true,
      gross: true,
      issuedAt: true,
      creditFor: { select: { number: true } },
    },
  });
  const voids = await db.invoice.findMany({
    where: {
      ...base,
      ...distributorIssued,
      kind: "INVOICE",
      state: "VOID",
      OR: [{ voidedAt: { gte: start, lt: end } }, { voidedAt: null, issuedAt: { gte: start, lt: end } }],
    },
    select: { id: true, number: true, gross: true, issuedAt: true, voidedAt: true, voidReason: true },
  });
  const days = { gte: dayToDate(period.from), lte: dayToDate(period.to) };
  const payments = await db.payment.findMany({
    where: { ...base, receivedOn: days },
    select: {
      id: true,
      amount: true,
      receivedOn: true,
      method: true,
      reference: true,
      createdAt: true,
      allocations: { select: { invoice: { select: { number: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const refunds = await db.refund.findMany({
    where: { ...base, refundedOn: days },
    select: {
      amount: true,
      refundedOn: true,
      method: true,
      reference: true,
      createdAt: true,
      creditNote: { select: { id: true, number: true } },
    },
  });
  const how = (method: keyof typeof PAYMENT_METHOD_LABELS, reference: string | null) =>
    reference ? `${PAYMENT_METHOD_LABELS[method]}, ref ${reference}` : PAYMENT_METHOD_LABELS[method];
  const movements: Movement[] = [
    ...documents.map((document) => ({
      date: dayIn(document.issuedAt, timeZone),
      at: document.issuedAt,
      kind: document.kind === "INVOICE" ? ("invoice" as const) : ("credit-note" as const),
      document: { id: document.id, number: document.number },
      description:
        document.kind === "INVOICE"
          ? `Invoice ${document.number}`
          : `Credit note ${document.number}${document.creditFor ? ` for ${document.creditFor.number}` : ""}`,
      amount: document.gross.toFixed(2),
    })),
    ...voids.map((invoice) => {
      const at = invoice.voidedAt ?? invoice.issuedAt;
      return {
        date: dayIn(at, timeZone),
        at,
        kind: "void" as const,
        document: { id: invoice.id, number: invoice.number },
        description: `Invoice ${invoice.number} voided${invoice.voidReason ? `: ${invoice.voidReason}` : ""}`,
        amount: invoice.gross.negated().toFixed(2),
      };
    }),
    ...payments.map((payment) => ({
      date: dateToDay(payment.receivedOn),
      at: payment.createdAt,
      kind: "payment" as const,
      document: null,
      description: `Payment (${how(payment.method, payment.reference)})${
        payment.allocations.length > 0
          ? ` for ${payment.allocations.map((allocation) => allocation.invoice.number).join(", ")}`
          : ""
      }`,
      amount: payment.amount.negated().toFixed(2),
    })),
    ...refunds.map((refund) => ({
      date: dateToDay(refund.refundedOn),
      at: refund.createdAt,
      kind: "refund" as const,
      document: refund.creditNote,
      description: `Refund for ${refund.creditNote.number} (${how(refund.method, refund.reference)})`,
      amount: refund.amount.toFixed(2),
    })),
  ];
  return movements.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}

const KIND_ORDER: Record<StatementLineKind, number> = { invoice: 0, "credit-note": 1, void: 2, payment: 3, refund: 4 };

/** The account's currency first, then any other its documents or payments are in. */
async function currenciesOf(db: Db, accountId: string, accountCurrency: string): Promise<string[]> {
  const documents = await db.invoice.findMany({
    where: { accountId, ...distributorIssued },
    distinct: ["currency"],
    select: { currency: true },
  });
  const payments = await db.payment.findMany({
    where: { accountId },
    distinct: ["currency"],
    select: { currency: true },
  });
  const others = [...documents, ...payments].map((row) => row.currency).filter((code) => code !== accountCurrency);
  return [accountCurrency, ...[...new Set(others)].sort()];
}

export interface AccountBalanceDto {
  currency: string;
  /** Positive: the customer owes it; negative: it is owed to the customer. */
  balance: string;
  /** What its open invoices still ask for. */
  amountDue: string;
  /** What its credit notes still owe back. */
  refundDue: string;
}

/** What an account owes (or is owed) now, per currency, the account's own first. */
export async function accountBalance(
  deps: DomainDeps,
  caller: Caller,
  accountId?: string,
): Promise<AccountBalanceDto[]> {
  const account = await statementAccountOf(deps, caller, accountId);
  const currencies = await currenciesOf(deps.db, account.id, account.currency);
  const far = new Date("9999-12-31T00:00:00.000Z");
  const result: AccountBalanceDto[] = [];
  for (const currency of currencies) {
    const base = { accountId: account.id, currency };
    const due = await deps.db.invoice.aggregate({
      where: { ...base, ...distributorIssued },
      _sum: { amountDue: true, refundDue: true },
    });
    result.push({
      currency,
      balance: await balanceBefore(deps.db, base, far, "9999-12-31"),
      amountDue: (due._sum.amountDue ?? new Money(0)).toFixed(2),
      refundDue: (due._sum.refundDue ?? new Money(0)).toFixed(2),
    });
  }
  return result;
}
