import type { InvoiceKind, InvoiceStatus, Prisma } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { formatOrderNumber } from "./document-numbers.ts";
import { readPartySnapshot, type PartySnapshot } from "./party-snapshot.ts";
import { paginate } from "../shared/paginate.ts";
import { containsText } from "../shared/text-match.ts";

export interface InvoiceSummaryDto {
  id: string;
  number: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  account: { id: string; companyName: string };
  currency: string;
  net: string;
  tax: string;
  gross: string;
  issuedAt: Date;
  dueAt: Date | null;
  paidAt: Date | null;
  creditFor: { id: string; number: string } | null;
}

export interface InvoiceDetailDto extends InvoiceSummaryDto {
  seller: PartySnapshot;
  buyer: PartySnapshot;
  order: { id: string; number: string } | null;
  credits: { id: string; number: string; gross: string }[];
  lines: {
    position: number;
    description: string;
    detail: string | null;
    quantity: number;
    unitPrice: string;
    taxRate: string;
    net: string;
    tax: string;
    gross: string;
    assetId: string | null;
  }[];
}

const summarySelect = {
  id: true,
  number: true,
  kind: true,
  status: true,
  currency: true,
  net: true,
  tax: true,
  gross: true,
  issuedAt: true,
  dueAt: true,
  paidAt: true,
  account: { select: { id: true, companyName: true } },
  creditFor: { select: { id: true, number: true } },
} satisfies Prisma.InvoiceSelect;

const detailSelect = {
  ...summarySelect,
  seller: true,
  buyer: true,
  order: { select: { id: true, number: true } },
  credits: { select: { id: true, number: true, gross: true }, orderBy: [{ issuedAt: "asc" }, { number: "asc" }] },
  lines: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      description: true,
      detail: true,
      quantity: true,
      unitPrice: true,
      taxRate: true,
      net: true,
      tax: true,
      gross: true,
      assetId: true,
    },
  },
} satisfies Prisma.InvoiceSelect;

const money = (value: Prisma.Decimal) => value.toFixed(2);

function toSummary(row: Prisma.InvoiceGetPayload<{ select: typeof summarySelect }>): InvoiceSummaryDto {
  return { ...row, net: money(row.net), tax: money(row.tax), gross: money(row.gross) };
}

/**
 * The invoices `caller` may see, the one place an invoice service's
 * where-clause starts: staff see every invoice (their role is checked by the
 * permission table), or one account's with `accountId`; a Storefront caller
 * sees its own account's only.
 */
export function invoiceScopeFor(caller: Caller, options: { accountId?: string } = {}): Prisma.InvoiceWhereInput {
  if (caller.kind === "shop") return { accountId: caller.accountId };
  return options.accountId ? { accountId: options.accountId } : {};
}

export interface InvoiceFilters {
  /** Staff: only this account's invoices (ignored for a Storefront caller, who sees its own). */
  accountId?: string;
  kind?: InvoiceKind;
  status?: InvoiceStatus;
  search?: string;
  page: number;
  pageSize: number;
}

export async function listInvoices(deps: DomainDeps, caller: Caller, input: InvoiceFilters) {
  const where: Prisma.InvoiceWhereInput = {
    AND: [
      invoiceScopeFor(caller, { accountId: input.accountId }),
      input.kind ? { kind: input.kind } : {},
      input.status ? { status: input.status } : {},
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

/** One invoice `caller` may see (invoiceScopeFor); outside it looks like it does not exist. */
export async function getInvoice(deps: DomainDeps, caller: Caller, id: string): Promise<InvoiceDetailDto> {
  return invoiceDetailWithin(deps, invoiceScopeFor(caller), id);
}

async function invoiceDetailWithin(
  deps: DomainDeps,
  scope: Prisma.InvoiceWhereInput,
  id: string,
): Promise<InvoiceDetailDto> {
  const row = await deps.db.invoice.findFirst({ where: { AND: [{ id }, scope] }, select: detailSelect });
  if (!row) throw notFound("The invoice");
  return {
    ...toSummary(row),
    seller: readPartySnapshot(row.seller),
    buyer: readPartySnapshot(row.buyer),
    order: row.order && { id: row.order.id, number: formatOrderNumber(row.order.number) },
    credits: row.credits.map((credit) => ({ ...credit, gross: money(credit.gross) })),
    lines: row.lines.map((line) => ({
      ...line,
      unitPrice: money(line.unitPrice),
      taxRate: money(line.taxRate),
      net: money(line.net),
      tax: money(line.tax),
      gross: money(line.gross),
    })),
  };
}

/**
 * Staff record payments (or refunds paid out, for credit invoices) and void
 * invoices issued in error. A paid or void invoice is final.
 */
export async function setInvoiceStatus(
  deps: DomainDeps,
  input: { id: string; status: "PAID" | "VOID" },
): Promise<InvoiceDetailDto> {
  const invoice = await deps.db.invoice.findUnique({ where: { id: input.id }, select: { status: true, kind: true } });
  if (!invoice) throw notFound("The invoice");
  if (invoice.status === input.status) return invoiceDetailWithin(deps, {}, input.id);
  if (invoice.status !== "UNPAID")
    throw new DomainError("PRECONDITION_FAILED", `The invoice is already ${invoice.status.toLowerCase()}`);
  // A credit note is issued for a cancellation that happened; voiding it would
  // bill the customer again for what was cancelled. It can only be paid out.
  if (invoice.kind === "CREDIT" && input.status === "VOID") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "A credit note cannot be voided once it is issued; mark it paid when the refund is paid out",
    );
  }
  const { count } = await deps.db.invoice.updateMany({
    where: { id: input.id, status: "UNPAID" },
    data: { status: input.status, paidAt: input.status === "PAID" ? deps.clock.now() : null },
  });
  if (count === 0) throw new DomainError("CONFLICT", "The invoice changed in the meantime");
  return invoiceDetailWithin(deps, {}, input.id);
}
