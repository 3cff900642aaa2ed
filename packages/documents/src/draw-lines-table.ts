import { drawTable, type TableColumn } from "./draw-table.ts";
import { formatDecimal, formatQuantity, formatTaxRate } from "./format-amount.ts";
import { CONTENT_WIDTH, type DrawContext } from "./layout.ts";
import type { InvoiceLine } from "./types.ts";

const FIXED_COLUMNS_WIDTH = 20 + 30 + 66 + 32 + 66 + 58 + 66;
const DESCRIPTION_WIDTH = CONTENT_WIDTH - FIXED_COLUMNS_WIDTH;

function buildColumns(currency: string): TableColumn<InvoiceLine>[] {
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

/** Draws the invoice's line table from `top` (see drawTable); returns the y below the last row. */
export function drawLinesTable(context: DrawContext, top: number): number {
  const { invoice } = context;
  return drawTable(
    context,
    {
      columns: buildColumns(invoice.currency.trim().toUpperCase()),
      rows: invoice.lines,
      detail: (line) => line.detail,
    },
    top,
  );
}
