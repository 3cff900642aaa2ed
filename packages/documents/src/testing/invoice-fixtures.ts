import type { InvoiceDocument, InvoiceLine } from "../types.ts";

export const SELLER = {
  name: "Contoso Distribution GmbH",
  addressLines: ["Hafenstrasse 12", "20457 Hamburg", "Germany"],
  email: "billing@contoso-distribution.example",
  taxId: "DE123456789",
};

export const BUYER = {
  name: "Fabrikam Migrations Ltd",
  addressLines: ["1 Market Street", "Leeds LS1 4DY", "United Kingdom"],
  email: "accounts@fabrikam.example",
  taxId: "GB987654321",
  accountNumber: "ACC-000042",
};

/** A line whose amounts are consistent: net = quantity x unit price, tax at 19% rounded half up. */
export function buildLine(
  position: number,
  description: string,
  quantity: number,
  unitPrice: string,
  detail?: string,
): InvoiceLine {
  const unitCents = toCents(unitPrice);
  const netCents = unitCents * BigInt(quantity);
  const taxCents = roundHalfAwayFromZero(netCents * 19n, 100n);
  return {
    position,
    description,
    detail: detail ?? null,
    quantity,
    unitPrice,
    taxRate: "19.00",
    net: fromCents(netCents),
    tax: fromCents(taxCents),
    gross: fromCents(netCents + taxCents),
  };
}

export function buildInvoice(lines: InvoiceLine[], overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const sum = (pick: (line: InvoiceLine) => string): string =>
    fromCents(lines.reduce((total, line) => total + toCents(pick(line)), 0n));
  return {
    kind: "invoice",
    number: "INV-2026-000123",
    issuedAt: new Date("2026-03-15T09:30:00Z"),
    dueAt: new Date("2026-04-14T00:00:00Z"),
    status: "open",
    currency: "EUR",
    creditFor: null,
    orderNumber: "ORD-2026-004711",
    seller: SELLER,
    buyer: BUYER,
    branding: { displayName: "Contoso Cloud", primaryColor: "#0b5cab" },
    lines,
    totals: { net: sum((l) => l.net), tax: sum((l) => l.tax), gross: sum((l) => l.gross) },
    notes: "Payable within 30 days by bank transfer to IBAN DE89 3704 0044 0532 0130 00, quoting the invoice number.",
    ...overrides,
  };
}

/** The credit invoice for `invoice`: every line and total negated. */
export function buildCreditInvoice(invoice: InvoiceDocument): InvoiceDocument {
  const negate = (amount: string): string => fromCents(-toCents(amount));
  return {
    ...invoice,
    kind: "credit-invoice",
    number: "CRN-2026-000007",
    issuedAt: new Date("2026-03-20T10:00:00Z"),
    dueAt: null,
    status: "refunded",
    creditFor: { number: invoice.number, issuedAt: invoice.issuedAt },
    lines: invoice.lines.map((line) => ({
      ...line,
      quantity: -line.quantity,
      net: negate(line.net),
      tax: negate(line.tax),
      gross: negate(line.gross),
    })),
    totals: { net: negate(invoice.totals.net), tax: negate(invoice.totals.tax), gross: negate(invoice.totals.gross) },
    notes: "Credited in full after cancellation within the 15-day window.",
  };
}

function toCents(amount: string): bigint {
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  const cents = BigInt(whole + fraction.padEnd(2, "0").slice(0, 2));
  return amount.startsWith("-") ? -cents : cents;
}

function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}
