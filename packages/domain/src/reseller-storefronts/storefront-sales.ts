import type { InvoiceKind, InvoiceState, OrderStatus, Prisma } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { Page } from "../schemas/common.ts";
import type { StorefrontDocumentsInput, StorefrontSalesInput } from "../schemas/storefront-sales.ts";
import { Money } from "../shared/money.ts";
import { paginate } from "../shared/paginate.ts";
import { formatOrderNumber } from "../billing/document-numbers.ts";
import { nextDay, startOfDayIn } from "../billing/calendar-days.ts";
import { businessTimeZone } from "../shared/business-time.ts";
import { summarySelect, toSummary, type InvoiceSummaryDto } from "../billing/invoices.ts";

/** One tier of a two-tier order: what its billed party was invoiced, credited, and what that leaves. */
export interface TierDto {
  /** Gross, with tax. */
  invoiced: string;
  /** Gross credited (a positive amount). */
  credited: string;
  /** invoiced − credited, gross. */
  balance: string;
  /** invoiced − credited, excl. tax (the margin is taken on these). */
  balanceNet: string;
}

export interface StorefrontOrderDto {
  id: string;
  number: string;
  status: OrderStatus;
  createdAt: Date;
  endCustomer: { id: string; companyName: string };
  currency: string;
  /** The reseller's invoices and credit notes to the end-customer. */
  endCustomerSide: TierDto;
  /** The distributor's invoices and credit notes to the reseller. */
  resellerSide: TierDto;
  /** The reseller's margin, excl. tax: endCustomerSide.balanceNet − resellerSide.balanceNet. */
  margin: string;
  documents: {
    id: string;
    number: string;
    kind: InvoiceKind;
    state: InvoiceState;
    gross: string;
    /** Who issued it: the reseller (to its end-customer) or the distributor (to the reseller). */
    issuedBy: "RESELLER" | "DISTRIBUTOR";
  }[];
}

/** Whose storefront sales: a reseller caller its own; staff name the reseller. */
async function resellerOf(deps: DomainDeps, caller: Caller, accountId?: string): Promise<string> {
  const id = caller.kind === "shop" ? caller.accountId : accountId;
  if (caller.kind === "shop" && caller.accountKind !== "RESELLER")
    throw new DomainError("FORBIDDEN", "Only resellers have their own storefront");
  const account = id
    ? await deps.db.account.findFirst({ where: { id, kind: "RESELLER" }, select: { id: true } })
    : null;
  if (!account) throw new DomainError("NOT_FOUND", "The reseller was not found", "accountId");
  return account.id;
}

/** Both days included, on the distributor's calendar. */
async function periodWhere(deps: DomainDeps, input: { from?: string; to?: string }) {
  if (!input.from && !input.to) return undefined;
  const zone = await businessTimeZone(deps.db);
  return {
    ...(input.from ? { gte: startOfDayIn(input.from, zone) } : {}),
    ...(input.to ? { lt: startOfDayIn(nextDay(input.to), zone) } : {}),
  };
}

const orderSelect = {
  id: true,
  number: true,
  status: true,
  createdAt: true,
  currency: true,
  accountId: true,
  recipientAccount: { select: { id: true, companyName: true } },
  invoices: {
    orderBy: [{ issuedAt: "asc" }, { kind: "asc" }, { number: "asc" }],
    select: { id: true, number: true, kind: true, state: true, gross: true, net: true, issuerAccountId: true },
  },
} satisfies Prisma.OrderSelect;

type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

/** A tier from its documents: invoices add, credit notes (negative amounts) take away. */
export function tierOf(documents: { kind: InvoiceKind; gross: string; net: string }[]): TierDto {
  const sum = (kind: InvoiceKind, key: "gross" | "net") =>
    documents.filter((doc) => doc.kind === kind).reduce((total, doc) => total.plus(doc[key]), new Money(0));
  const invoiced = sum("INVOICE", "gross");
  const credited = sum("CREDIT", "gross").negated();
  return {
    invoiced: invoiced.toFixed(2),
    credited: credited.toFixed(2),
    balance: invoiced.minus(credited).toFixed(2),
    balanceNet: sum("INVOICE", "net").plus(sum("CREDIT", "net")).toFixed(2),
  };
}

/** The two tiers of one order reconciled: each side from its own documents, and the margin as their difference. */
export function reconcileTiers(
  documents: { kind: InvoiceKind; gross: string; net: string; issuedBy: "RESELLER" | "DISTRIBUTOR" }[],
): { endCustomerSide: TierDto; resellerSide: TierDto; margin: string } {
  const endCustomerSide = tierOf(documents.filter((doc) => doc.issuedBy === "RESELLER"));
  const resellerSide = tierOf(documents.filter((doc) => doc.issuedBy === "DISTRIBUTOR"));
  return {
    endCustomerSide,
    resellerSide,
    margin: new Money(endCustomerSide.balanceNet).minus(resellerSide.balanceNet).toFixed(2),
  };
}

function toStorefrontOrder(row: OrderRow): StorefrontOrderDto {
  const documents = row.invoices.map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    state: invoice.state,
    gross: invoice.gross.toFixed(2),
    net: invoice.net.toFixed(2),
    issuedBy: invoice.issuerAccountId === row.accountId ? ("RESELLER" as const) : ("DISTRIBUTOR" as const),
  }));
  return {
    id: row.id,
    number: formatOrderNumber(row.number),
    status: row.status,
    createdAt: row.createdAt,
    endCustomer: row.recipientAccount,
    currency: row.currency,
    ...reconcileTiers(documents),
    documents: documents.map(({ net: _net, ...doc }) => doc),
  };
}

/**
 * The orders a reseller's end-customers placed at its storefront (two-tier
 * orders), newest first, each with both tiers reconciled: for the reseller's
 * Sales, and for staff on the reseller's account page.
 */
export async function listStorefrontOrders(
  deps: DomainDeps,
  caller: Caller,
  input: StorefrontSalesInput & { accountId?: string },
): Promise<Page<StorefrontOrderDto>> {
  const resellerId = await resellerOf(deps, caller, input.accountId);
  const createdAt = await periodWhere(deps, input);
  const where: Prisma.OrderWhereInput = {
    accountId: resellerId,
    resaleGross: { not: null },
    status: { not: "DRAFT" },
    ...(input.endCustomerAccountId ? { recipientAccountId: input.endCustomerAccountId } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
  return paginate(input, {
    count: () => deps.db.order.count({ where }),
    rows: (window) =>
      deps.db.order.findMany({
        where,
        select: orderSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...window,
      }),
    map: toStorefrontOrder,
  });
}

/** The invoices and credit notes a reseller issued to its end-customers, newest first. */
export async function listStorefrontDocuments(
  deps: DomainDeps,
  caller: Caller,
  input: StorefrontDocumentsInput & { accountId?: string },
): Promise<Page<InvoiceSummaryDto>> {
  const resellerId = await resellerOf(deps, caller, input.accountId);
  const issuedAt = await periodWhere(deps, input);
  const where: Prisma.InvoiceWhereInput = {
    issuerAccountId: resellerId,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.endCustomerAccountId ? { accountId: input.endCustomerAccountId } : {}),
    ...(issuedAt ? { issuedAt } : {}),
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
