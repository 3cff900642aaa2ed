export { renderInvoicePdf } from "./render-invoice-pdf.ts";
export { renderStatementPdf } from "./render-statement-pdf.ts";
export {
  formatDecimal,
  formatMoney,
  formatQuantity,
  formatTaxRate,
  type FormatDecimalOptions,
} from "./format-amount.ts";
export { formatDate } from "./format-date.ts";
export { toWinAnsiText } from "./win-ansi-text.ts";
export type {
  DocumentSettlement,
  DocumentStatus,
  InvoiceDocument,
  InvoiceLine,
  Party,
  RenderInvoiceOptions,
  StatementDocument,
  StatementLine,
} from "./types.ts";
