import { drawContinuationHeader } from "./draw-header.ts";
import { formatMoney } from "./format-amount.ts";
import {
  BODY_BOTTOM,
  CONTENT_LEFT,
  CONTENT_RIGHT,
  CONTENT_WIDTH,
  FONT_BOLD,
  FONT_REGULAR,
  MUTED_COLOR,
  TEXT_COLOR,
  type DrawContext,
} from "./layout.ts";

const TOTALS_WIDTH = 240;
const TOTALS_LEFT = CONTENT_RIGHT - TOTALS_WIDTH;
const TOTALS_HEIGHT = 70;

/** Draws Net / Tax / Total right-aligned below the table (on a new page if they do not fit); returns the y below. */
export function drawTotals(context: DrawContext, top: number): number {
  const { doc, invoice } = context;
  let y = top + 12;
  if (y + TOTALS_HEIGHT > BODY_BOTTOM) {
    doc.addPage();
    y = drawContinuationHeader(context);
  }
  const currency = invoice.currency;
  const rows: Array<[string, string]> = [
    ["Net", formatMoney(invoice.totals.net, currency)],
    ["Tax", formatMoney(invoice.totals.tax, currency)],
  ];
  for (const [label, value] of rows) {
    drawTotalRow(context, label, value, y, false);
    y += 15;
  }
  doc.moveTo(TOTALS_LEFT, y).lineTo(CONTENT_RIGHT, y).lineWidth(1).strokeColor(context.accentColor).stroke();
  y += 6;
  drawTotalRow(context, "Total", formatMoney(invoice.totals.gross, currency), y, true);
  return y + 24;
}

/** Draws the VAT mention (reverse charge, outside the scope...) in full width below the totals; returns the y below. */
export function drawTaxMention(context: DrawContext, top: number): number {
  const { doc, invoice } = context;
  const mention = invoice.taxMention?.trim() ?? "";
  if (mention === "") return top;
  let y = top + 6;
  doc.font(FONT_BOLD).fontSize(9);
  if (y + doc.heightOfString(mention, { width: CONTENT_WIDTH }) > BODY_BOTTOM) {
    doc.addPage();
    y = drawContinuationHeader(context);
  }
  doc.fillColor(TEXT_COLOR).text(mention, CONTENT_LEFT, y, { width: CONTENT_WIDTH });
  return doc.y + 12;
}

/** Draws the free-text notes; long notes continue on following pages. */
export function drawNotes(context: DrawContext, top: number): void {
  const { doc, invoice } = context;
  const notes = invoice.notes?.trim() ?? "";
  if (notes === "") return;

  let y = top + 6;
  doc.font(FONT_REGULAR).fontSize(9);
  const firstLines = Math.min(doc.heightOfString(notes, { width: CONTENT_WIDTH }), 3 * doc.currentLineHeight(true));
  // Keep the heading with at least the first lines of the notes.
  if (y + 16 + firstLines > BODY_BOTTOM) {
    doc.addPage();
    y = drawContinuationHeader(context);
  }
  doc.font(FONT_BOLD).fontSize(9).fillColor(TEXT_COLOR).text("Notes", CONTENT_LEFT, y, { width: CONTENT_WIDTH });
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED_COLOR);
  doc.text(notes, CONTENT_LEFT, doc.y + 3, { width: CONTENT_WIDTH });
}

function drawTotalRow(context: DrawContext, label: string, value: string, y: number, emphasised: boolean): void {
  const { doc } = context;
  const size = emphasised ? 11 : 9;
  doc
    .font(emphasised ? FONT_BOLD : FONT_REGULAR)
    .fontSize(size)
    .fillColor(emphasised ? TEXT_COLOR : MUTED_COLOR);
  doc.text(label, TOTALS_LEFT, y, { width: 80, lineBreak: false });
  doc.font(emphasised ? FONT_BOLD : FONT_REGULAR).fillColor(TEXT_COLOR);
  doc.text(value, TOTALS_LEFT + 80, y, { width: TOTALS_WIDTH - 80, align: "right", lineBreak: false });
}
