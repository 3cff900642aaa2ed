import { drawContinuationHeader } from "./draw-header.ts";
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
  type FrameContext,
} from "./layout.ts";
import { drawTextBlock, measureTextBlock, type TextStyle } from "./text-block.ts";

/** A column of a document's table: the invoice lines, a statement's movements. */
export interface TableColumn<Row> {
  header: string;
  width: number;
  align: "left" | "right";
  cell: (row: Row) => string;
  /** The one column whose text wraps, with the row's detail printed beneath it. */
  wraps?: boolean;
}

const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 5;
const FONT_SIZE = 8.5;
const DETAIL_FONT_SIZE = 7.5;
const HEADER_HEIGHT = 20;

/**
 * Draws a table from `top`, starting a new page (with the frame's continuation
 * header and its own header row) whenever the next row would cross the body
 * bottom. Rows are never split across pages. Returns the y below the last row.
 */
export function drawTable<Row>(
  context: FrameContext,
  table: { columns: TableColumn<Row>[]; rows: Row[]; detail?: (row: Row) => string | null | undefined },
  top: number,
): number {
  const { doc } = context;
  const { columns, rows } = table;
  let y = top;

  const startPage = (): void => {
    doc.addPage();
    y = drawHeaderRow(context, columns, drawContinuationHeader(context));
  };

  const firstRowHeight = rows[0] ? measureRow(context, table, rows[0]) : 0;
  if (y + HEADER_HEIGHT + firstRowHeight > BODY_BOTTOM) startPage();
  else y = drawHeaderRow(context, columns, y);

  for (const row of rows) {
    const height = measureRow(context, table, row);
    if (y + height > BODY_BOTTOM) startPage();
    drawRow(context, table, row, y);
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

function drawHeaderRow<Row>(context: FrameContext, columns: TableColumn<Row>[], top: number): number {
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

type Table<Row> = Parameters<typeof drawTable<Row>>[1];

function measureRow<Row>(context: FrameContext, table: Table<Row>, row: Row): number {
  const { doc } = context;
  const wrapping = table.columns.find((column) => column.wraps);
  if (!wrapping) return doc.font(FONT_REGULAR).fontSize(FONT_SIZE).currentLineHeight() + 2 * CELL_PADDING_Y;
  const styles = wrappingStyles(wrapping.width);
  let height = measureTextBlock(doc, wrapping.cell(row), styles.text);
  const detail = table.detail?.(row);
  if (detail) height += 1 + measureTextBlock(doc, detail, styles.detail);
  return height + 2 * CELL_PADDING_Y;
}

/** The wrapping column's text styles: it breaks only at spaces (codes and SKUs stay whole, see text-block.ts). */
function wrappingStyles(columnWidth: number): { text: TextStyle; detail: TextStyle } {
  const text: TextStyle = { font: FONT_REGULAR, fontSize: FONT_SIZE, width: columnWidth - 2 * CELL_PADDING_X };
  return { text, detail: { ...text, fontSize: DETAIL_FONT_SIZE } };
}

function drawRow<Row>(context: FrameContext, table: Table<Row>, row: Row, top: number): void {
  const { doc } = context;
  let x = CONTENT_LEFT;
  for (const column of table.columns) {
    const width = column.width - 2 * CELL_PADDING_X;
    const cellX = x + CELL_PADDING_X;
    doc.font(FONT_REGULAR).fontSize(FONT_SIZE).fillColor(TEXT_COLOR);
    if (column.wraps) {
      const styles = wrappingStyles(column.width);
      const bottom = drawTextBlock(doc, column.cell(row), cellX, top + CELL_PADDING_Y, styles.text);
      const detail = table.detail?.(row);
      if (detail) {
        doc.fillColor(MUTED_COLOR);
        drawTextBlock(doc, detail, cellX, bottom + 1, styles.detail);
      }
    } else {
      doc.text(column.cell(row), cellX, top + CELL_PADDING_Y, { width, align: column.align, lineBreak: false });
    }
    x += column.width;
  }
}
