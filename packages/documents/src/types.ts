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

/** Where a document stands: an invoice from its payments and credits, a credit note from where it was applied and what was refunded. */
export type DocumentStatus =
  | "open"
  | "partially-paid"
  | "paid"
  | "partially-credited"
  | "credited"
  | "void"
  | "applied"
  | "refund-due"
  | "refunded";

/** What settled a document so far (positive amounts), and what is still open. */
export interface DocumentSettlement {
  /** An invoice: the payments allocated to it. */
  paid: string;
  /** An invoice: the credit notes applied to it; a credit note: the part applied to the invoice it credits. */
  credited: string;
  /** A credit note: what was paid back. */
  refunded: string;
  /** An invoice: the amount still due; a credit note: the refund still due. */
  due: string;
}

export interface InvoiceDocument {
  kind: "invoice" | "credit-invoice";
  number: string;
  issuedAt: Date;
  dueAt: Date | null;
  status: DocumentStatus;
  /** Printed under the totals when given: what was paid, credited or refunded, and what is still due. */
  settlement?: DocumentSettlement | null;
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

/** One movement of a statement of account. Amounts are exact decimal strings; positive = owed more. */
export interface StatementLine {
  /** The day, "2026-12-03". */
  date: string;
  /** The document's number, if the movement is one. */
  reference: string | null;
  description: string;
  amount: string;
  /** The balance after it. */
  balance: string;
}

export interface StatementDocument {
  /** When the statement was produced (printed, and stamped as the PDF's date). */
  issuedAt: Date;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** The period, both days included ("2026-03-01"). */
  from: string;
  to: string;
  seller: Party;
  /** The account the statement is for. */
  account: Party;
  branding?: { displayName: string; primaryColor: string } | null;
  openingBalance: string;
  closingBalance: string;
  lines: StatementLine[];
}
