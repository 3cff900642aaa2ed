import { renderInvoicePdf, type DocumentStatus, type Party } from "@cm/documents";
import type { InvoiceState } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { countryName } from "../schemas/countries.ts";
import { getInvoice } from "./invoice-detail.ts";
import type { PartySnapshot } from "./party-snapshot.ts";

/** The invoice (or credit invoice) as a PDF, for a caller who may see it (getInvoice). */
export async function invoicePdf(
  deps: DomainDeps,
  caller: Caller,
  id: string,
): Promise<{ filename: string; pdf: Buffer }> {
  const invoice = await getInvoice(deps, caller, id);
  // A reseller's invoice to its end-customer is headed with its storefront's name and colour, never the distributor's brand.
  const issuer = await deps.db.invoice.findUniqueOrThrow({
    where: { id: invoice.id },
    select: {
      issuer: { select: { kind: true, resellerStorefront: { select: { displayName: true, primaryColor: true } } } },
    },
  });
  const branding =
    issuer.issuer.kind === "DISTRIBUTOR"
      ? await deps.db.branding.findUnique({
          where: { id: "default" },
          select: { displayName: true, primaryColor: true },
        })
      : (issuer.issuer.resellerStorefront ?? null);
  // Dates print as the distributor's own calendar has them (set up with its time zone).
  const distributor = await deps.db.account.findFirst({ where: { kind: "DISTRIBUTOR" }, select: { timeZone: true } });
  const creditFor = invoice.creditFor
    ? await deps.db.invoice.findUnique({
        where: { id: invoice.creditFor.id },
        select: { number: true, issuedAt: true },
      })
    : null;
  const pdf = await renderInvoicePdf(
    {
      kind: invoice.kind === "CREDIT" ? "credit-invoice" : "invoice",
      number: invoice.number,
      issuedAt: invoice.issuedAt,
      dueAt: invoice.dueAt,
      status: documentStatus[invoice.state],
      settlement: {
        paid: invoice.settled.paid,
        credited: invoice.settled.credited,
        refunded: invoice.settled.refunded,
        due: invoice.kind === "CREDIT" ? invoice.refundDue : invoice.amountDue,
      },
      currency: invoice.currency,
      creditFor,
      orderNumber: invoice.order?.number ?? null,
      seller: printedParty(invoice.seller),
      buyer: printedParty(invoice.buyer),
      branding,
      lines: invoice.lines,
      totals: { net: invoice.net, tax: invoice.tax, gross: invoice.gross },
      taxMention: invoice.taxMention,
      notes: invoice.voidReason
        ? `Void: ${invoice.voidReason}`
        : invoice.kind === "INVOICE"
          ? "Thank you for your business."
          : null,
    },
    { timeZone: distributor?.timeZone ?? "UTC" },
  );
  return { filename: `${invoice.number}.pdf`, pdf };
}

/** The party as the document prints it: the country by its name, on the last address line. */
export function printedParty({ country, ...party }: PartySnapshot): Party {
  return { ...party, addressLines: country ? [...party.addressLines, countryName(country)] : party.addressLines };
}

const documentStatus: Record<InvoiceState, DocumentStatus> = {
  OPEN: "open",
  PARTIALLY_PAID: "partially-paid",
  PAID: "paid",
  PARTIALLY_CREDITED: "partially-credited",
  CREDITED: "credited",
  VOID: "void",
  APPLIED: "applied",
  REFUND_DUE: "refund-due",
  REFUNDED: "refunded",
};
