import type { InvoiceKind, InvoiceState, Prisma } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import type { Page } from "../schemas/common.ts";
import { paginate } from "../shared/paginate.ts";
import { containsText } from "../shared/text-match.ts";

export interface InvoiceSummaryDto {
  id: string;
  number: string;
  kind: InvoiceKind;
  state: InvoiceState;
  account: { id: string; companyName: string };
  currency: string;
  net: string;
  tax: string;
  gross: string;
  /** An invoice: what the customer still owes. */
  amountDue: string;
  /** A credit note: what is still to be paid back. */
  refundDue: string;
  issuedAt: Date;
  dueAt: Date | null;
  creditFor: { id: string; number: string } | null;
}

export const summarySelect = {
  id: true,
  number: true,
  kind: true,
  state: true,
  currency: true,
  net: true,
  tax: true,
  gross: true,
  amountDue: true,
  refundDue: true,
  issuedAt: true,
  dueAt: true,
  account: { select: { id: true, companyName: true } },
  creditFor: { select: { id: true, number: true } },
} satisfies Prisma.InvoiceSelect;

export const money = (value: Prisma.Decimal) => value.toFixed(2);

export function toSummary(row: Prisma.InvoiceGetPayload<{ select: typeof summarySelect }>): InvoiceSummaryDto {
  return {
    ...row,
    net: money(row.net),
    tax: money(row.tax),
    gross: money(row.gross),
    amountDue: money(row.amountDue),
    refundDue: money(row.refundDue),
  };
}

/**
 * The invoices `caller` lists, the one place an invoice list's where-clause
 * starts: staff list the distributor's documents (their role is checked by
 * the permission table), or one account's with `accountId`; a Storefront
 * caller those billed to its own account (an end-customer's from its reseller
 * for orders at its storefront). A reseller's own documents to its
 * end-customers are listed in its Sales, and for staff with the reseller.
 */
export function invoiceScopeFor(caller: Caller, options: { accountId?: string } = {}): Prisma.InvoiceWhereInput {
  if (caller.kind === "shop") return { accountId: caller.accountId };
  const distributorIssued = { issuer: { kind: "DISTRIBUTOR" as const } };
  return options.accountId ? { ...distributorIssued, accountId: options.accountId } : distributorIssued;
}

/**
 * One document `caller` may open (its detail, its PDF): staff any; a
 * Storefront caller one billed to its account or one its account issued (a
 * reseller's invoices and credit notes to its end-customers).
 */
export function documentScopeFor(caller: Caller): Prisma.InvoiceWhereInput {
  if (caller.kind === "staff") return {};
  return { OR: [{ accountId: caller.accountId }, { issuerAccountId: caller.accountId }] };
}

export interface InvoiceFilters {
  /** Staff: only this account's invoices (ignored for a Storefront caller, who sees its own). */
  accountId?: string;
  kind?: InvoiceKind;
  state?: InvoiceState;
  search?: string;
  page: number;
  pageSize: number;
}

export async function listInvoices(
  deps: DomainDeps,
  caller: Caller,
  input: InvoiceFilters,
): Promise<Page<InvoiceSummaryDto>> {
  const where: Prisma.InvoiceWhereInput = {
    AND: [
      invoiceScopeFor(caller, { accountId: input.accountId }),
      input.kind ? { kind: input.kind } : {},
      input.state ? { state: input.state } : {},
      input.search
        ? { OR: [{ number: containsText(input.search) }, { account: { companyName: containsText(input.search) } }] }
        : {},
    ],
  };
  return paginate(input, {
    count: () => deps.db.invoice.count({ where }),
    rows: (window) =>
      deps.db.invoice.findMany({
        where,
        select: summarySelect,
        orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
        ...window,
      }),
    map: toSummary,
  });
}
