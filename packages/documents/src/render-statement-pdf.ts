import PDFDocument from "pdfkit";
import { drawParty, drawSeller, drawTitleBlock } from "./draw-header.ts";
import { drawPageDecorations } from "./draw-page-decorations.ts";
import { drawTable, type TableColumn } from "./draw-table.ts";
import { formatDecimal, formatMoney } from "./format-amount.ts";
import { formatDate } from "./format-date.ts";
import {
  BODY_BOTTOM,
  CONTENT_LEFT,
  CONTENT_RIGHT,
  CONTENT_WIDTH,
  FONT_BOLD,
  FONT_REGULAR,
  MARGIN,
  MUTED_COLOR,
  TEXT_COLOR,
  resolveAccentColor,
  type DocumentFrame,
  type FrameContext,
} from "./layout.ts";
import { collect } from "./render-invoice-pdf.ts";
import { drawContinuationHeader } from "./draw-header.ts";
import type { RenderInvoiceOptions, StatementDocument, StatementLine } from "./types.ts";
import { toWinAnsiText } from "./win-ansi-text.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Renders a statement of account as an A4 PDF with the invoice's building
 * blocks (seller header, title and facts, party block, paginated table, page
 * footer): the opening balance, each movement with the balance after it, and
 * the closing balance. Pure and deterministic like renderInvoicePdf; rejects
 * with a RangeError for a malformed amount, currency or day.
 */
export async function renderStatementPdf(
  statement: StatementDocument,
  options: RenderInvoiceOptions = {},
): Promise<Buffer> {
  for (const day of [statement.from, statement.to, ...statement.lines.map((line) => line.date)])
    if (!DAY.test(day)) throw new RangeError(`Not a day: ${day}`);
  const printable = toPrintable(statement);
  const reference = `${printable.account.accountNumber ?? printable.account.name} ${statement.from} - ${statement.to}`;
  const frame: DocumentFrame = {
    title: "STATEMENT OF ACCOUNT",
    reference,
    seller: printable.seller,
    branding: printable.branding,
    footer: `Statement of account ${reference}`,
  };
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    font: FONT_REGULAR,
    info: {
      Title: `Statement of account ${reference}`,
      Author: statement.seller.name,
      Subject: `Statement of account for ${statement.account.name}`,
      Creator: "CloudMarket",
      CreationDate: statement.issuedAt,
      ModDate: statement.issuedAt,
    },
    displayTitle: true,
    lang: "en",
  });
  const output = collect(doc);
  try {
    const context: FrameContext = {
      doc,
      frame,
      timeZone: options.timeZone ?? "UTC",
      accentColor: resolveAccentColor(statement),
    };
    const sellerBottom = drawSeller(context);
    const factsBottom = drawTitleBlock(
      context,
      [
        ...(printable.account.accountNumber
          ? [["Account no.", printable.account.accountNumber] as [string, string]]
          : []),
        ["Period", `${statement.from} to ${statement.to}`],
        ["Currency", statement.currency.trim().toUpperCase()],
        ["Issue date", formatDate(statement.issuedAt, context.timeZone)],
      ],
      15,
    );
    let y = Math.max(sellerBottom, factsBottom) + 18;
    doc.font(FONT_BOLD).fontSize(8).fillColor(MUTED_COLOR);
    doc.text("Account", CONTENT_LEFT, y, { characterSpacing: 0.5 });
    y = drawParty(doc, printable.account, CONTENT_LEFT, doc.y + 3, true) + 20;
    y = drawBalanceRow(
      context,
      `Opening balance on ${statement.from}`,
      statement.openingBalance,
      statement.currency,
      y,
      false,
    );
    y = drawTable(context, { columns: columns(statement.currency), rows: printable.lines }, y + 4);
    if (printable.lines.length === 0) {
      doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED_COLOR);
      doc.text("Nothing happened on the account in this period.", CONTENT_LEFT, y + 6, { width: CONTENT_WIDTH });
      y = doc.y;
    }
    if (y + 60 > BODY_BOTTOM) {
      doc.addPage();
      y = drawContinuationHeader(context);
    }
    y = drawBalanceRow(
      context,
      `Closing balance on ${statement.to}`,
      statement.closingBalance,
      statement.currency,
      y + 12,
      true,
    );
    doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED_COLOR);
    doc.text(
      "A positive balance is owed by the account, a negative one is owed to it. Charges: invoices, refunds paid out; credits: credit notes, voided invoices, payments.",
      CONTENT_LEFT,
      y + 6,
      { width: CONTENT_WIDTH },
    );
    drawPageDecorations(context);
  } catch (error) {
    doc.end();
    await output.catch(() => undefined);
    throw error;
  }
  doc.end();
  return output;
}

const FIXED = 58 + 66 + 64 + 64 + 70;

function columns(currency: string): TableColumn<StatementLine>[] {
  const code = currency.trim().toUpperCase();
  return [
    { header: "Date", width: 58, align: "left", cell: (line) => line.date },
    { header: "Reference", width: 66, align: "left", cell: (line) => line.reference ?? "" },
    {
      header: "Description",
      width: CONTENT_WIDTH - FIXED,
      align: "left",
      cell: (line) => line.description,
      wraps: true,
    },
    {
      header: `Charges ${code}`,
      width: 64,
      align: "right",
      cell: (line) => (line.amount.trim().startsWith("-") ? "" : formatDecimal(line.amount)),
    },
    {
      header: `Credits ${code}`,
      width: 64,
      align: "right",
      cell: (line) => (line.amount.trim().startsWith("-") ? formatDecimal(line.amount.trim().slice(1)) : ""),
    },
    { header: `Balance ${code}`, width: 70, align: "right", cell: (line) => formatDecimal(line.balance) },
  ];
}

function drawBalanceRow(
  context: FrameContext,
  label: string,
  amount: string,
  currency: string,
  y: number,
  emphasised: boolean,
): number {
  const { doc } = context;
  const size = emphasised ? 11 : 9;
  doc
    .font(emphasised ? FONT_BOLD : FONT_REGULAR)
    .fontSize(size)
    .fillColor(TEXT_COLOR);
  doc.text(label, CONTENT_LEFT, y, { width: CONTENT_WIDTH / 2, lineBreak: false });
  doc.text(formatMoney(amount, currency), CONTENT_LEFT + CONTENT_WIDTH / 2, y, {
    width: CONTENT_RIGHT - CONTENT_LEFT - CONTENT_WIDTH / 2,
    align: "right",
    lineBreak: false,
  });
  return y + size + 8;
}

function toPrintable(statement: StatementDocument): StatementDocument {
  const party = (value: StatementDocument["seller"]) => ({
    name: toWinAnsiText(value.name),
    addressLines: value.addressLines.map(toWinAnsiText),
    email: value.email == null ? value.email : toWinAnsiText(value.email),
    taxId: value.taxId == null ? value.taxId : toWinAnsiText(value.taxId),
    accountNumber: value.accountNumber == null ? value.accountNumber : toWinAnsiText(value.accountNumber),
  });
  return {
    ...statement,
    seller: party(statement.seller),
    account: party(statement.account),
    branding: statement.branding
      ? { ...statement.branding, displayName: toWinAnsiText(statement.branding.displayName) }
      : statement.branding,
    lines: statement.lines.map((line) => ({
      ...line,
      reference: line.reference == null ? null : toWinAnsiText(line.reference),
      description: toWinAnsiText(line.description),
    })),
  };
}
