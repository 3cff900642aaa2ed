import { drawContinuationHeader } from "./draw-header.ts";
import { formatDecimal, formatQuantity, formatTaxRate } from "./format-amount.ts";
import {
  BODY_BOTTOM,
  CONTENT_LEFT,
  CONTENT_WIDTH,
  FONT_BOLD,
  FONT_REGULAR,
  HEADER_FILL_COLOR,
  MUTED_COLOR,
  RULE_COLOR,
  TEXT_COLOR,
  type DrawContext,
} from "./layout.ts";
import { drawTextBlock, measureTextBlock, type TextStyle } from "./text-block.ts";
import type { InvoiceLine } from "./types.ts";

interface Column {
  header: string;
  width: number;
  align: "left" | "right";
  cell: (line: InvoiceLine) => string;
  /** The one column whose text wraps, with the line's detail printed beneath it. */
  wraps?: boolean;
}

const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 5;
const FONT_SIZE = 8.5;
const DETAIL_FONT_SIZE = 7.5;
const HEADER_HEIGHT = 20;

const FIXED_COLUMNS_WIDTH = 20 + 30 + 66 + 32 + 66 + 58 + 66;
const DESCRIPTION_WIDTH = CONTENT_WIDTH - FIXED_COLUMNS_WIDTH;
const DESCRIPTION_STYLE: TextStyle = {
  font: FONT_REGULAR,
  fontSize: FONT_SIZE,
  width: DESCRIPTION_WIDTH - 2 * CELL_PADDING_X,
};
const DETAIL_STYLE: TextStyle = { ...DESCRIPTION_STYLE, fontSize: DETAIL_FONT_SIZE };

function buildColumns(currency: string): Column[] {
  return [
    { header: "#", width: 20, align: "left", cell: (line) => String(line.position) },
    { header: "Description", width: DESCRIPTION_WIDTH, align: "left", cell: (line) => line.description, wraps: true },
    { header: "Qty", width: 30, align: "right", cell: (line) => formatQuantity(line.quantity) },
    {
      header: "Unit price",
      width: 66,
      align: "right",
      cell: (line) => formatDecimal(line.unitPrice, { maxFractionDigits: 4 }),
    },
    { header: "Tax %", width: 32, align: "right", cell: (line) => formatTaxRate(line.taxRate) },
    { header: `Net ${currency}`, width: 66, align: "right", cell: (line) => formatDecimal(line.net) },
    { header: `Tax ${currency}`, width: 58, align: "right", cell: (line) => formatDecimal(line.tax) },
    { header: `Gross ${currency}`, width: 66, align: "right", cell: (line) => formatDecimal(line.gross) },
  ];
}

/**
 * Draws the line table from `top`, starting a new page (with its own header row) whenever
 * the next row would cross the body bottom. Rows are never split across pages.
 * Returns the y below the last row.
 */
export function drawLinesTable(context: DrawContext, top: number): number {
  const { doc, invoice } = context;
  const columns = buildColumns(invoice.currency.trim().toUpperCase());
  let y = top;

  const startPage = (): void => {
    doc.addPage();
    y = drawHeaderRow(context, columns, drawContinuationHeader(context));
  };

  const firstRowHeight = invoice.lines[0] ? measureRow(context, invoice.lines[0]) : 0;
  if (y + HEADER_HEIGHT + firstRowHeight > BODY_BOTTOM) startPage();
  else y = drawHeaderRow(context, columns, y);

  for (const line of invoice.lines) {
    const height = measureRow(context, line);
    if (y + height > BODY_BOTTOM) startPage();
    drawRow(context, columns, line, y);
    y += height;
    doc
      .moveTo(CONTENT_LEFT, y)
      .lineTo(CONTENT_LEFT + CONTENT_WIDTH, y)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOR)
      .stroke();
  }
  return y;
}

function drawHeaderRow(context: DrawContext, columns: Column[], top: number): number {
  const { doc } = context;
  doc.rect(CONTENT_LEFT, top, CONTENT_WIDTH, HEADER_HEIGHT).fillColor(HEADER_FILL_COLOR).fill();
  doc.font(FONT_BOLD).fontSize(FONT_SIZE).fillColor(TEXT_COLOR);
  let x = CONTENT_LEFT;
  for (const column of columns) {
    doc.text(column.header, x + CELL_PADDING_X, top + 6, {
      width: column.width - 2 * CELL_PADDING_X,
      align: column.align,
      lineBreak: false,
    });
    x += column.width;
  }
  doc
    .moveTo(CONTENT_LEFT, top + HEADER_HEIGHT)
    .lineTo(CONTENT_LEFT + CONTENT_WIDTH, top + HEADER_HEIGHT)
    .lineWidth(0.75)
    .strokeColor(context.accentColor)
    .stroke();
  return top + HEADER_HEIGHT;
}

function measureRow(context: DrawContext, line: InvoiceLine): number {
  const { doc } = context;
  let height = measureTextBlock(doc, line.description, DESCRIPTION_STYLE);
  if (line.detail) height += 1 + measureTextBlock(doc, line.detail, DETAIL_STYLE);
  return height + 2 * CELL_PADDING_Y;
}

function drawRow(context: DrawContext, columns: Column[], line: InvoiceLine, top: number): void {
  const { doc } = context;
  let x = CONTENT_LEFT;
  for (const column of columns) {
    const width = column.width - 2 * CELL_PADDING_X;
    const cellX = x + CELL_PADDING_X;
    doc.font(FONT_REGULAR).fontSize(FONT_SIZE).fillColor(TEXT_COLOR);
    if (column.wraps) {
      const bottom = drawTextBlock(doc, column.cell(line), cellX, top + CELL_PADDING_Y, DESCRIPTION_STYLE);
      if (line.detail) {
        doc.fillColor(MUTED_COLOR);
        drawTextBlock(doc, line.detail, cellX, bottom + 1, DETAIL_STYLE);
      }
    } else {
      doc.text(column.cell(line), cellX, top + CELL_PADDING_Y, { width, align: column.align, lineBreak: false });
    }
    x += column.width;
  }
}
