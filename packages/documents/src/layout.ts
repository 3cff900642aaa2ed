import type PDFDocument from "pdfkit";
import type { InvoiceDocument } from "./types.ts";

/** The pdfkit document type (the module exports the constructor; this is its instance). */
export type PdfDocument = InstanceType<typeof PDFDocument>;

/** Everything a drawing step needs: the document being written, the invoice and how to print it. */
export interface DrawContext {
  doc: PdfDocument;
  invoice: InvoiceDocument;
  timeZone: string;
  accentColor: string;
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
export function resolveAccentColor(invoice: InvoiceDocument): string {
  const color = invoice.branding?.primaryColor.trim() ?? "";
  return HEX_COLOR.test(color) ? color.toLowerCase() : DEFAULT_ACCENT_COLOR;
}

/** The name shown in the header: the branded display name when there is one. */
export function displayName(invoice: InvoiceDocument): string {
  const branded = invoice.branding?.displayName.trim() ?? "";
  return branded === "" ? invoice.seller.name : branded;
}

export function documentTitle(invoice: InvoiceDocument): string {
  return invoice.kind === "credit-invoice" ? "CREDIT INVOICE" : "INVOICE";
}

export function metadataTitle(invoice: InvoiceDocument): string {
  return `${invoice.kind === "credit-invoice" ? "Credit invoice" : "Invoice"} ${invoice.number}`;
}
