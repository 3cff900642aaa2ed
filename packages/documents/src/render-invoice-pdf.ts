import PDFDocument from "pdfkit";
import { drawFirstPageHeader } from "./draw-header.ts";
import { drawLinesTable } from "./draw-lines-table.ts";
import { drawPageDecorations } from "./draw-page-decorations.ts";
import { drawNotes, drawTaxMention, drawTotals } from "./draw-totals.ts";
import { FONT_REGULAR, MARGIN, invoiceFrame, metadataTitle, resolveAccentColor, type DrawContext } from "./layout.ts";
import type { InvoiceDocument, RenderInvoiceOptions } from "./types.ts";
import { toPrintableInvoice } from "./win-ansi-text.ts";

/**
 * Renders an invoice or credit invoice as an A4 PDF.
 *
 * Pure: only the PDF standard fonts are used, so nothing is read or downloaded at run time
 * (text outside their WinAnsi character set is folded, "Ł" -> "L"; the document metadata
 * keeps full Unicode). The issue date is stamped as the PDF creation date, so the same
 * input gives the same bytes. Rejects with a RangeError when an amount, currency code or
 * date is malformed.
 */
export async function renderInvoicePdf(invoice: InvoiceDocument, options: RenderInvoiceOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    font: FONT_REGULAR,
    info: {
      Title: metadataTitle(invoice),
      Author: invoice.seller.name,
      Subject: `${metadataTitle(invoice)} for ${invoice.buyer.name}`,
      Creator: "CloudMarket",
      CreationDate: invoice.issuedAt,
      ModDate: invoice.issuedAt,
    },
    displayTitle: true,
    lang: "en",
  });

  const output = collect(doc);
  try {
    const printable = toPrintableInvoice(invoice);
    const context: DrawContext = {
      doc,
      invoice: printable,
      frame: invoiceFrame(printable),
      timeZone: options.timeZone ?? "UTC",
      accentColor: resolveAccentColor(invoice),
    };
    const tableTop = drawFirstPageHeader(context);
    const tableBottom = drawLinesTable(context, tableTop);
    const totalsBottom = drawTotals(context, tableBottom);
    drawNotes(context, drawTaxMention(context, totalsBottom));
    drawPageDecorations(context);
  } catch (error) {
    // Finish the stream so nothing is left dangling, then report the real cause.
    doc.end();
    await output.catch(() => undefined);
    throw error;
  }
  doc.end();
  return output;
}

export function collect(doc: DrawContext["doc"]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}
