import { formatDate } from "./format-date.ts";
import {
  CONTENT_LEFT,
  CONTENT_RIGHT,
  CONTENT_WIDTH,
  FONT_BOLD,
  FONT_REGULAR,
  MARGIN,
  MUTED_COLOR,
  TEXT_COLOR,
  displayName,
  type DrawContext,
  type FrameContext,
  type PdfDocument,
} from "./layout.ts";
import type { InvoiceDocument, Party } from "./types.ts";

const META_WIDTH = 220;
const META_LEFT = CONTENT_RIGHT - META_WIDTH;
const PARTY_WIDTH = META_LEFT - CONTENT_LEFT - 20;

const STATUS_LABELS: Record<InvoiceDocument["status"], string> = {
  open: "Open",
  "partially-paid": "Partially paid",
  paid: "Paid",
  "partially-credited": "Partially credited",
  credited: "Credited",
  void: "Void",
  applied: "Applied",
  "refund-due": "Refund due",
  refunded: "Refunded",
};

/** Draws the first-page header (seller, title and facts, credit reference, bill-to) and returns the y below it. */
export function drawFirstPageHeader(context: DrawContext): number {
  const { doc, invoice } = context;
  const sellerBottom = drawSeller(context);
  const metaBottom = drawTitleAndFacts(context);
  let y = Math.max(sellerBottom, metaBottom) + 18;

  if (invoice.kind === "credit-invoice" && invoice.creditFor) {
    const reference = `Credit for invoice ${invoice.creditFor.number} of ${formatDate(invoice.creditFor.issuedAt, context.timeZone)}`;
    doc.font(FONT_BOLD).fontSize(10).fillColor(TEXT_COLOR);
    doc.text(reference, CONTENT_LEFT, y, { width: CONTENT_WIDTH });
    y = doc.y + 14;
  }

  doc.font(FONT_BOLD).fontSize(8).fillColor(MUTED_COLOR);
  doc.text("Bill to", CONTENT_LEFT, y, { width: PARTY_WIDTH, characterSpacing: 0.5 });
  y = drawParty(doc, invoice.buyer, CONTENT_LEFT, doc.y + 3, true);
  return y + 20;
}

/** Draws the slim header of a continuation page and returns the y below it. */
export function drawContinuationHeader(context: FrameContext): number {
  const { doc, frame } = context;
  doc.font(FONT_BOLD).fontSize(11).fillColor(context.accentColor);
  doc.text(displayName(frame), CONTENT_LEFT, MARGIN, { width: CONTENT_WIDTH / 2, lineBreak: false });
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED_COLOR);
  doc.text(`${frame.title} ${frame.reference} (continued)`, CONTENT_LEFT + CONTENT_WIDTH / 2, MARGIN + 2, {
    width: CONTENT_WIDTH / 2,
    align: "right",
    lineBreak: false,
  });
  return MARGIN + 30;
}

/** Draws the issuing party (its brand, and its legal name when that differs) top left; returns the y below. */
export function drawSeller(context: FrameContext): number {
  const { doc, frame } = context;
  const name = displayName(frame);
  doc.font(FONT_BOLD).fontSize(18).fillColor(context.accentColor);
  doc.text(name, CONTENT_LEFT, MARGIN, { width: PARTY_WIDTH });
  // A brand name is not a legal name: print the seller's legal name when they differ.
  const showLegalName = name !== frame.seller.name;
  return drawParty(doc, frame.seller, CONTENT_LEFT, doc.y + 4, showLegalName);
}

function drawTitleAndFacts(context: DrawContext): number {
  const { invoice, timeZone } = context;
  const facts: Array<[string, string]> = [
    [invoice.kind === "credit-invoice" ? "Credit invoice no." : "Invoice no.", invoice.number],
    ["Issue date", formatDate(invoice.issuedAt, timeZone)],
  ];
  if (invoice.dueAt) facts.push(["Due date", formatDate(invoice.dueAt, timeZone)]);
  facts.push(["Status", STATUS_LABELS[invoice.status]]);
  if (invoice.orderNumber) facts.push(["Order no.", invoice.orderNumber]);
  return drawTitleBlock(context, facts);
}

/** Draws the frame's title and the document's facts ("label  value") top right; returns the y below. */
export function drawTitleBlock(context: FrameContext, facts: Array<[string, string]>, titleSize = 20): number {
  const { doc, frame } = context;
  doc.font(FONT_BOLD).fontSize(titleSize).fillColor(TEXT_COLOR);
  doc.text(frame.title, META_LEFT, MARGIN, { width: META_WIDTH, align: "right" });

  let y = doc.y + 8;
  for (const [label, value] of facts) {
    doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED_COLOR);
    doc.text(label, META_LEFT, y, { width: 90, lineBreak: false });
    doc.font(FONT_BOLD).fontSize(9).fillColor(TEXT_COLOR);
    doc.text(value, META_LEFT + 90, y, { width: META_WIDTH - 90, align: "right" });
    y = Math.max(doc.y, y + 13) + 2;
  }
  return y;
}

/** Draws a party's address block and returns the y below it. */
export function drawParty(doc: PdfDocument, party: Party, x: number, top: number, withName: boolean): number {
  const options = { width: PARTY_WIDTH };
  doc.x = x;
  doc.y = top;
  if (withName) {
    doc.font(FONT_BOLD).fontSize(10).fillColor(TEXT_COLOR).text(party.name, x, top, options);
  }
  doc.font(FONT_REGULAR).fontSize(9).fillColor(TEXT_COLOR);
  for (const line of party.addressLines) {
    if (line.trim() !== "") doc.text(line, x, doc.y, options);
  }
  doc.fillColor(MUTED_COLOR);
  if (party.email) doc.text(party.email, x, doc.y, options);
  if (party.taxId) doc.text(`Tax ID: ${party.taxId}`, x, doc.y, options);
  if (party.accountNumber) doc.text(`Account no.: ${party.accountNumber}`, x, doc.y, options);
  return doc.y;
}
