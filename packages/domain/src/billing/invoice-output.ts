import { InvoiceKind, InvoiceState, PaymentMethod } from "@cm/db";
import { z } from "zod";
import {
  companyRefOutput,
  documentRefOutput,
  lineAmountsOutput,
  moneyOutput,
  outputSchemaOf,
  pageOutput,
  totalsOutput,
} from "../schemas/output.ts";
import type { Page } from "../schemas/common.ts";
import type { InvoiceDetailDto } from "./invoice-detail.ts";
import type { InvoiceSummaryDto } from "./invoices.ts";
import type { PartySnapshot } from "./party-snapshot.ts";
import { taxRegimeOutput } from "../tax/tax-output.ts";

const invoiceSummaryOutput = outputSchemaOf<InvoiceSummaryDto>()(
  totalsOutput.extend({
    id: z.string(),
    number: z.string(),
    kind: z.enum(InvoiceKind),
    state: z.enum(InvoiceState),
    account: companyRefOutput,
    currency: z.string(),
    amountDue: moneyOutput,
    refundDue: moneyOutput,
    issuedAt: z.date(),
    dueAt: z.date().nullable(),
    creditFor: documentRefOutput.nullable(),
  }),
);

export const invoicePageOutput = outputSchemaOf<Page<InvoiceSummaryDto>>()(pageOutput(invoiceSummaryOutput));

const partyOutput = outputSchemaOf<PartySnapshot>()(
  z.object({
    name: z.string(),
    addressLines: z.array(z.string()),
    country: z.string().nullable(),
    email: z.string().nullable(),
    taxId: z.string().nullable(),
    accountNumber: z.string().nullable(),
  }),
);

const settlementRowOutput = z.object({
  id: z.string(),
  on: z.string(),
  amount: moneyOutput,
  method: z.enum(PaymentMethod),
  reference: z.string().nullable(),
});

/** What the Storefront shows of an invoice: everything but the staff audit trail. */
export const shopInvoiceDetailOutput = outputSchemaOf<Omit<InvoiceDetailDto, "history" | "issuer">>()(
  invoiceSummaryOutput.extend({
    seller: partyOutput,
    buyer: partyOutput,
    taxRegime: taxRegimeOutput.nullable(),
    taxMention: z.string().nullable(),
    order: documentRefOutput.nullable(),
    credits: z.array(documentRefOutput.extend({ gross: moneyOutput, state: z.enum(InvoiceState) })),
    lines: z.array(
      lineAmountsOutput.extend({
        position: z.number(),
        description: z.string(),
        detail: z.string().nullable(),
        assetId: z.string().nullable(),
        taxRegime: taxRegimeOutput.nullable(),
      }),
    ),
    voidedAt: z.date().nullable(),
    voidReason: z.string().nullable(),
    payments: z.array(settlementRowOutput),
    applications: z.array(z.object({ document: documentRefOutput, amount: moneyOutput, at: z.date() })),
    refunds: z.array(settlementRowOutput),
    settled: z.object({ paid: moneyOutput, credited: moneyOutput, refunded: moneyOutput }),
  }),
);

export const invoiceDetailOutput = outputSchemaOf<InvoiceDetailDto>()(
  shopInvoiceDetailOutput.extend({
    issuer: z.object({ companyName: z.string(), isDistributor: z.boolean() }),
    history: z.array(z.object({ at: z.date(), actor: z.string(), kind: z.string(), text: z.string() })),
  }),
);
