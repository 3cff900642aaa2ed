/** A postal/billing party as printed on a document: the distributor (seller) or the billed account (buyer). */
export interface Party {
  name: string;
  addressLines: string[];
  email?: string | null;
  taxId?: string | null;
  accountNumber?: string | null;
}

/** One printed line. Amounts are exact decimal strings such as "1234.50" or "-12.00"; taxRate is a percentage ("19.00"). */
export interface InvoiceLine {
  position: number;
  description: string;
  detail?: string | null;
  quantity: number;
  unitPrice: string;
  taxRate: string;
  net: string;
  tax: string;
  gross: string;
}

export interface InvoiceDocument {
  kind: "invoice" | "credit-invoice";
  number: string;
  issuedAt: Date;
  dueAt: Date | null;
  status: "unpaid" | "paid" | "void";
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** A credit invoice names the invoice it credits. */
  creditFor?: { number: string; issuedAt: Date } | null;
  orderNumber?: string | null;
  /** The distributor issuing the document. */
  seller: Party;
  /** The billed account. */
  buyer: Party;
  branding?: { displayName: string; primaryColor: string } | null;
  lines: InvoiceLine[];
  totals: { net: string; tax: string; gross: string };
  /**
   * What the document must say about its VAT, one statement per line (e.g. "Reverse charge: VAT to be
   * accounted for by the recipient, Article 196 Directive 2006/112/EC"); printed under the totals.
   */
  taxMention?: string | null;
  notes?: string | null;
}

export interface RenderInvoiceOptions {
  /** IANA time zone in which dates are printed; defaults to "UTC" so output never depends on the host. */
  timeZone?: string;
}
