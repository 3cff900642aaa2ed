import type PDFDocument from "pdfkit";
import type { InvoiceDocument, Party } from "./types.ts";

/** The pdfkit document type (the module exports the constructor; this is its instance). */
export type PdfDocument = InstanceType<typeof PDFDocument>;

/** What every document prints around its content: who issues it, its title and reference, its footer. */
export interface DocumentFrame {
  /** "INVOICE", "STATEMENT OF ACCOUNT" */
  title: string;
  /** The document's number, or what identifies a statement. */
  reference: string;
  seller: Party;
  branding?: { displayName: string; primaryColor: string } | null;
  /** The footer's text after the seller's name, e.g. "Invoice INV-000123". */
  footer: string;
  /** Stamped across every page (a void invoice's "VOID"). */
  watermark?: string | null;
}

/** What a drawing step of any document needs: the PDF being written, its frame and how to print it. */
export interface FrameContext {
  doc: PdfDocument;
  frame: DocumentFrame;
  timeZone: string;
  accentColor: string;
}

/** Everything an invoice's drawing step needs: the frame, and the invoice itself. */
export interface DrawContext extends FrameContext {
  invoice: InvoiceDocument;
}

/** An invoice's frame. */
export function invoiceFrame(invoice: InvoiceDocument): DocumentFrame {
  return {
    title: documentTitle(invoice),
    reference: invoice.number,
    seller: invoice.seller,
    branding: invoice.branding,
    footer: metadataTitle(invoice),
    watermark: invoice.status === "void" ? "VOID" : null,
  };
}

// A4 in PDF points (1/72 inch).
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 50;
export const CONTENT_LEFT = MARGIN;
export const CONTENT_RIGHT = PAGE_WIDTH - MARGIN;
export const CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT;
/** Body content never goes below this line; the footer lives underneath. */
export const BODY_BOTTOM = PAGE_HEIGHT - MARGIN - 20;
export const FOOTER_TOP = PAGE_HEIGHT - MARGIN + 10;

export const FONT_REGULAR = "Helvetica";
export const FONT_BOLD = "Helvetica-Bold";
export const FONT_ITALIC = "Helvetica-Oblique";

export const TEXT_COLOR = "#1f2933";
export const MUTED_COLOR = "#6b7280";
export const RULE_COLOR = "#d1d5db";
export const HEADER_FILL_COLOR = "#f3f4f6";
export const DEFAULT_ACCENT_COLOR = "#1f3a5f";

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * The branding colour if it is a valid #rrggbb, otherwise the house colour: a mistyped
 * colour in a distributor's settings must not stop invoices from being produced.
 */
export function resolveAccentColor(document: Pick<DocumentFrame, "branding">): string {
  const color = document.branding?.primaryColor.trim() ?? "";
  return HEX_COLOR.test(color) ? color.toLowerCase() : DEFAULT_ACCENT_COLOR;
}

/** The name shown in the header: the branded display name when there is one. */
export function displayName(document: Pick<DocumentFrame, "branding" | "seller">): string {
  const branded = document.branding?.displayName.trim() ?? "";
  return branded === "" ? document.seller.name : branded;
}

export function documentTitle(invoice: InvoiceDocument): string {
  return invoice.kind === "credit-invoice" ? "CREDIT INVOICE" : "INVOICE";
}

export function metadataTitle(invoice: InvoiceDocument): string {
  return `${invoice.kind === "credit-invoice" ? "Credit invoice" : "Invoice"} ${invoice.number}`;
}
