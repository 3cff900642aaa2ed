// @vitest-environment happy-dom
import type { RouterOutputs } from "@cm/domain/client";
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { InvoiceView } from "./invoice-view.tsx";

afterEach(cleanup);

type Invoice = RouterOutputs["bss"]["invoice"]["get"];

const MENTION = "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC";
const party = (name: string, taxId: string | null) => ({
  name,
  addressLines: ["1 Main St"],
  country: "DE",
  email: null,
  taxId,
  accountNumber: null,
});
const invoice: Invoice = {
  id: "i1",
  number: "INV-000042",
  kind: "INVOICE",
  state: "OPEN",
  account: { id: "a1", companyName: "Berlin Partners" },
  issuer: { companyName: "Northwind Distribution", isDistributor: true },
  currency: "EUR",
  net: "24.70",
  tax: "0.00",
  gross: "24.70",
  issuedAt: new Date("2026-03-02T09:00:00Z"),
  dueAt: new Date("2026-04-01T09:00:00Z"),
  amountDue: "24.70",
  refundDue: "0.00",
  creditFor: null,
  seller: party("Northwind Cloud Distribution", "EL099999999"),
  buyer: party("Berlin Partners", "DE123456789"),
  taxRegime: "REVERSE_CHARGE",
  taxMention: MENTION,
  order: null,
  credits: [],
  lines: [
    {
      position: 1,
      description: "MigrationWiz Mailbox Migration",
      detail: null,
      quantity: 2,
      unitPrice: "12.35",
      taxRate: "0.00",
      taxRegime: "REVERSE_CHARGE",
      net: "24.70",
      tax: "0.00",
      gross: "24.70",
      assetId: null,
    },
  ],
  voidedAt: null,
  voidReason: null,
  payments: [],
  applications: [],
  refunds: [],
  settled: { paid: "0.00", credited: "0.00", refunded: "0.00" },
  history: [],
};

describe("InvoiceView", () => {
  it("shows both parties' VAT numbers, the line's reverse charge and the legal mention", () => {
    render(
      <MemoryRouter>
        <InvoiceView invoice={invoice} pdfHref="/x.pdf" />
      </MemoryRouter>,
    );
    expect(screen.getByText("VAT number EL099999999")).toBeTruthy();
    expect(screen.getByText("VAT number DE123456789")).toBeTruthy();
    expect(screen.getByText("0% (reverse charge)")).toBeTruthy();
    expect(screen.getByTestId("tax-mention").textContent).toBe(MENTION);
  });

  it("says nothing about VAT where it is simply charged", () => {
    render(
      <MemoryRouter>
        <InvoiceView
          invoice={{
            ...invoice,
            taxRegime: "DOMESTIC",
            taxMention: null,
            lines: invoice.lines.map((line) => ({ ...line, taxRate: "24.00", taxRegime: "DOMESTIC" as const })),
          }}
          pdfHref="/x.pdf"
        />
      </MemoryRouter>,
    );
    expect(screen.getByText("24%")).toBeTruthy();
    expect(screen.queryByTestId("tax-mention")).toBeNull();
  });
});
