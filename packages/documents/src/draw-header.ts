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
import { drawTextBlock } from "./text-block.ts";
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
    doc.fillColor(TEXT_COLOR);
    y = drawTextBlock(doc, reference, CONTENT_LEFT, y, { font: FONT_BOLD, fontSize: 10, width: CONTENT_WIDTH }) + 14;
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
  doc.fillColor(context.accentColor);
  const nameBottom = drawTextBlock(doc, name, CONTENT_LEFT, MARGIN, {
    font: FONT_BOLD,
    fontSize: 18,
    width: PARTY_WIDTH,
  });
  // A brand name is not a legal name: print the seller's legal name when they differ.
  const showLegalName = name !== frame.seller.name;
  return drawParty(doc, frame.seller, CONTENT_LEFT, nameBottom + 4, showLegalName);
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
    doc.fillColor(TEXT_COLOR);
    const valueStyle = { font: FONT_BOLD, fontSize: 9, width: META_WIDTH - 90, align: "right" } as const;
    y = Math.max(drawTextBlock(doc, value, META_LEFT + 90, y, valueStyle), y + 13) + 2;
  }
  return y;
}

/** Draws a party's address block and returns the y below it. */
export function drawParty(doc: PdfDocument, party: Party, x: number, top: number, withName: boolean): number {
  let y = top;
  const line = (text: string, font: string, fontSize: number) => {
    y = drawTextBlock(doc, text, x, y, { font, fontSize, width: PARTY_WIDTH });
  };
  doc.fillColor(TEXT_COLOR);
  if (withName) line(party.name, FONT_BOLD, 10);
  for (const addressLine of party.addressLines) {
    if (addressLine.trim() !== "") line(addressLine, FONT_REGULAR, 9);
  }
  doc.fillColor(MUTED_COLOR);
  if (party.email) line(party.email, FONT_REGULAR, 9);
  if (party.taxId) line(`Tax ID: ${party.taxId}`, FONT_REGULAR, 9);
  if (party.accountNumber) line(`Account no.: ${party.accountNumber}`, FONT_REGULAR, 9);
  return y;
}
