import { InvoiceKind, InvoiceStatus } from "@cm/db";
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
import type { InvoiceDetailDto, InvoiceSummaryDto } from "./invoices.ts";
import type { PartySnapshot } from "./party-snapshot.ts";

const invoiceSummaryOutput = outputSchemaOf<InvoiceSummaryDto>()(
  totalsOutput.extend({
    id: z.string(),
    number: z.string(),
    kind: z.enum(InvoiceKind),
    status: z.enum(InvoiceStatus),
    account: companyRefOutput,
    currency: z.string(),
    issuedAt: z.date(),
    dueAt: z.date().nullable(),
    paidAt: z.date().nullable(),
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

export const invoiceDetailOutput = outputSchemaOf<InvoiceDetailDto>()(
  invoiceSummaryOutput.extend({
    seller: partyOutput,
    buyer: partyOutput,
    order: documentRefOutput.nullable(),
    credits: z.array(documentRefOutput.extend({ gross: moneyOutput })),
    lines: z.array(
      lineAmountsOutput.extend({
        position: z.number(),
        description: z.string(),
        detail: z.string().nullable(),
        assetId: z.string().nullable(),
      }),
    ),
  }),
);
