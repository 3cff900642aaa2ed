import { randomUUID } from "node:crypto";
import { insertRows, type Prisma, type RowBatch } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { formatMoney, lineAmounts, type LineTotals } from "../shared/money.ts";
import { prepareNotification } from "../notifications/queue-notification.ts";
import { nextDocumentNumber } from "./document-numbers.ts";
import { partySnapshotOf, snapshotAccount } from "./party-snapshot.ts";
import { businessTimeZone, dayText } from "../shared/business-time.ts";
import { prepareCreditApplication } from "./settle.ts";
import { settlementOf } from "./settlement.ts";
import { documentTax, type TaxRegime } from "../tax/tax-regime.ts";
import { requireDistributor } from "../shared/get-distributor.ts";
import type { StorefrontBrand } from "../shared/storefront-url.ts";
import { emitWebhookEvent, enabledWebhookEndpoints } from "../webhooks/emit-webhook-event.ts";

export const PAYMENT_TERMS_DAYS = 30;

export interface InvoiceLineInput extends LineTotals {
  description: string;
  detail: string | null;
  quantity: number;
  unitPrice: string;
  taxRate: string;
  /** Why the line is taxed as it is (null: copied from a line priced before regimes were recorded). */
  taxRegime: TaxRegime | null;
  assetId: string | null;
}

/**
 * Issues an invoice (or a credit invoice) with a gapless number, immutable
 * lines and totals, the parties copied in and the tax regime with its legal
 * mention (reverse charge, outside the scope); emails the billed account. A
 * credit note is applied to the invoice it credits in the same transaction
 * (what that invoice still owes; the part that had been paid is refund due),
 * and a void invoice is refused. The issue time is taken once the number is,
 * so a higher number never carries an earlier time.
 */
export async function issueInvoice(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  input: {
    kind: "INVOICE" | "CREDIT";
    accountId: string;
    orderId: string | null;
    currency: string;
    lines: InvoiceLineInput[];
    totals: LineTotals;
    creditForId?: string;
    creditAssetId?: string;
    /** Who caused it, for the documents' audit trail ("system" when not said). */
    actor?: string;
    /**
     * The seller, when not the distributor: a reseller invoicing its
     * end-customer for an order at its storefront. Its documents are numbered
     * in its own series, and its "invoice issued" email is in its name, with
     * a link to its storefront (`storefront`).
     */
    issuer?: { accountId: string; storefront: StorefrontBrand | null };
    /**
     * Rows the caller's transaction has still to write (an order's lines and
     * assets): they go in the invoice's own statement, after the number is taken.
     */
    batch?: RowBatch;
  },
): Promise<{ id: string; number: string }> {
  const id = randomUUID();
  // Every read comes before the number: the counter row stays locked from
  // nextDocumentNumber to COMMIT, so only the writes may follow it.
  if (input.kind === "CREDIT" && !input.creditForId) throw new Error("a credit note names the invoice it credits");
  const application =
    input.kind === "CREDIT" && input.creditForId
      ? await prepareCreditApplication(tx, input.creditForId, input.totals.gross)
      : null;
  const settlement =
    application?.creditNote ??
    settlementOf({
      kind: "INVOICE",
      gross: input.totals.gross,
      voided: false,
      paid: "0",
      creditsApplied: "0",
      credited: "0",
    });
  const storefront = input.issuer?.storefront ?? null;
  // The distributor's row is the transaction's (loadDistributor): its time zone and name below cost no statement more;
  // so are the seller's and the buyer's when the sale was priced in this transaction (loadSaleAccounts).
  const [issuerAccountId, seller] = input.issuer
    ? [input.issuer.accountId, await snapshotAccount(tx, input.issuer.accountId)]
    : await requireDistributor(tx).then((row) => [row.id, partySnapshotOf(row)] as const);
  const buyer = await snapshotAccount(tx, input.accountId);
  const timeZone = await businessTimeZone(tx);
  const email =
    input.kind === "INVOICE"
      ? await prepareNotification(
          tx,
          deps,
          {
            template: "invoice-issued",
            eventKey: `invoice-issued:${id}`,
            accountId: input.accountId,
            storefrontId: storefront?.id ?? null,
          },
          { newEvent: true },
        )
      : null;
  const tax = documentTax(input.lines.map((line) => line.taxRegime));
  // Read now (once per transaction), not while the counter is locked: invoice.issued below needs it.
  await enabledWebhookEndpoints(tx);
  const number = await nextDocumentNumber(
    tx,
    input.kind === "INVOICE" ? "INV" : "CRN",
    input.issuer?.accountId ?? null,
  );
  // Read while the counter is locked: numbers and issue times rise together.
  const issuedAt = deps.clock.now();
  const dueAt = input.kind === "INVOICE" ? new Date(issuedAt.getTime() + PAYMENT_TERMS_DAYS * 86_400_000) : null;
  const invoice = { id, number };
  // The invoice and its lines in one statement, with the rows the caller's transaction still has to write (`batch`).
  await insertRows(tx, {
    ...input.batch,
    Invoice: [
      {
        id,
        kind: input.kind,
        number,
        issuerAccountId,
        state: settlement.state,
        amountDue: settlement.amountDue,
        refundDue: settlement.refundDue,
        accountId: input.accountId,
        orderId: input.orderId,
        creditForId: input.creditForId ?? null,
        creditAssetId: input.creditAssetId ?? null,
        currency: input.currency,
        net: input.totals.net,
        tax: input.totals.tax,
        gross: input.totals.gross,
        seller: seller as unknown as Prisma.InputJsonValue,
        buyer: buyer as unknown as Prisma.InputJsonValue,
        taxRegime: tax.regime,
        taxMention: tax.mention,
        issuedAt,
        dueAt,
      },
    ],
    InvoiceLine: input.lines.map((line, index) => ({
      id: randomUUID(),
      invoiceId: id,
      position: index + 1,
      description: line.description,
      detail: line.detail,
      ...lineAmounts(line),
      taxRegime: line.taxRegime,
      assetId: line.assetId,
    })),
  });
  await application?.record(tx, {
    creditNoteId: id,
    creditNoteNumber: invoice.number,
    at: issuedAt,
    actor: input.actor ?? "system",
  });
  await email?.queue({
    account_name: buyer.name,
    invoice_number: invoice.number,
    total: formatMoney(input.totals.gross, input.currency),
    currency: input.currency,
    due_date: dueAt ? dayText(dueAt, timeZone) : null,
    invoice_link: `${storefront?.url ?? deps.publicUrl}/invoices/${invoice.id}`,
  });
  const type = input.kind === "INVOICE" ? "invoice.issued" : "credit_note.issued";
  await emitWebhookEvent(tx, deps, {
    type,
    eventKey: `${type}:${invoice.id}`,
    data: {
      invoiceId: invoice.id,
      number: invoice.number,
      kind: input.kind,
      issuerAccountId,
      accountId: input.accountId,
      orderId: input.orderId,
      creditForId: input.creditForId ?? null,
      currency: input.currency,
      net: input.totals.net,
      tax: input.totals.tax,
      total: input.totals.gross,
      issuedAt: issuedAt.toISOString(),
      dueAt: dueAt?.toISOString() ?? null,
    },
  });
  return { id: invoice.id, number: invoice.number };
}
