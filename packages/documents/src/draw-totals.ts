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
const SETTLEMENT_ROW_HEIGHT = 15;

/**
 * Draws Net / Tax / Total right-aligned below the table, then what settled the
 * document and what is still due (on a new page if they do not fit); returns the y below.
 */
export function drawTotals(context: DrawContext, top: number): number {
  const { doc, invoice } = context;
  const settlementRows = settlementRowsOf(invoice);
  let y = top + 12;
  const height = TOTALS_HEIGHT + (settlementRows.length > 0 ? 12 + settlementRows.length * SETTLEMENT_ROW_HEIGHT : 0);
  if (y + height > BODY_BOTTOM) {
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
  y += 24;
  if (settlementRows.length === 0) return y;
  for (const [index, [label, amount]] of settlementRows.entries()) {
    const last = index === settlementRows.length - 1;
    if (last) {
      doc
        .moveTo(TOTALS_LEFT, y - 3)
        .lineTo(CONTENT_RIGHT, y - 3)
        .lineWidth(0.5)
        .strokeColor(context.accentColor)
        .stroke();
      y += 3;
    }
    drawTotalRow(context, label, formatMoney(amount, currency), y, last);
    y += last ? 24 : SETTLEMENT_ROW_HEIGHT;
  }
  return y;
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

/** "Paid -100.00", "Credited -29.76", then "Amount due"; a credit note: "Applied", "Refunded", "Refund due". */
function settlementRowsOf(invoice: DrawContext["invoice"]): Array<[string, string]> {
  const settlement = invoice.settlement;
  if (!settlement) return [];
  const minus = (amount: string) => (isZero(amount) ? amount : `-${amount.replace(/^-/, "")}`);
  const rows: Array<[string, string]> = [];
  if (invoice.kind === "invoice") {
    if (!isZero(settlement.paid)) rows.push(["Paid", minus(settlement.paid)]);
    if (!isZero(settlement.credited)) rows.push(["Credited", minus(settlement.credited)]);
    rows.push(["Amount due", settlement.due]);
  } else {
    if (!isZero(settlement.credited)) rows.push(["Applied to invoice", settlement.credited]);
    if (!isZero(settlement.refunded)) rows.push(["Refunded", settlement.refunded]);
    rows.push(["Refund due", settlement.due]);
  }
  return rows;
}

const isZero = (amount: string) => /^-?0+(\.0+)?$/.test(amount.trim());

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
