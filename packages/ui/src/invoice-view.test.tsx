// @vitest-environment happy-dom
import type { RouterOutputs } from "@cm/domain/client";
import { cleanup, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { InvoiceView } from "./invoice-view.tsx";
import { AddressBlock } from "./layout.tsx";

afterEach(cleanup);

const SKU = "MW-ENTERPRISE-MAILBOX-MIGRATION-2026-EU1";

const invoice: RouterOutputs["bss"]["invoice"]["get"] = {
  id: "i1",
  number: "INV-000123",
  kind: "INVOICE",
  state: "OPEN",
  account: { id: "a1", companyName: "Contoso" },
  issuer: { companyName: "Northwind Distribution", isDistributor: true },
  currency: "EUR",
  net: "24.70",
  tax: "5.93",
  gross: "30.63",
  issuedAt: new Date("2026-03-02T10:00:00Z"),
  dueAt: null,
  amountDue: "30.63",
  refundDue: "0.00",
  creditFor: null,
  seller: {
    name: "Test Distribution",
    addressLines: ["1 Main St", "10001 Athens"],
    country: "GR",
    email: "billing@distributor.test",
    taxId: null,
    accountNumber: null,
  },
  buyer: {
    name: "Contoso",
    addressLines: ["Rue des Jardins", "Abidjan"],
    country: "CI",
    email: "office@contoso.test",
    taxId: null,
    accountNumber: "A-00002",
  },
  taxRegime: "DOMESTIC",
  taxMention: null,
  order: { id: "o1", number: "SO-000001" },
  credits: [],
  lines: [
    {
      position: 1,
      description: "MigrationWiz Mailbox Migration",
      detail: `Asset “Mailbox move” for Contoso · 2 licenses · SKU ${SKU}`,
      quantity: 2,
      unitPrice: "12.35",
      taxRate: "24.00",
      taxRegime: "DOMESTIC",
      net: "24.70",
      tax: "5.93",
      gross: "30.63",
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

const show = (shown = invoice) =>
  render(
    <MemoryRouter>
      <InvoiceView invoice={shown} pdfHref="/api/bss/invoices/i1/pdf" />
    </MemoryRouter>,
  );

describe("InvoiceView", () => {
  it("names the countries of the seller and the buyer instead of printing their codes", () => {
    show();

    const from = screen.getByText("From").parentElement as HTMLElement;
    const billTo = screen.getByText("Bill to").parentElement as HTMLElement;
    expect(within(from).getByText("Greece")).toBeTruthy();
    expect(within(billTo).getByText("Côte d’Ivoire")).toBeTruthy();
    expect(within(billTo).getByText("Abidjan").nextElementSibling?.textContent).toBe("Côte d’Ivoire");
    expect(screen.queryByText("GR")).toBeNull();
    expect(screen.queryByText("CI")).toBeNull();
  });

  it("prints no country line for a party without one", () => {
    show({ ...invoice, buyer: { ...invoice.buyer, country: null } });

    const billTo = screen.getByText("Bill to").parentElement as HTMLElement;
    expect(within(billTo).getByText("Abidjan").nextElementSibling?.textContent).toBe("Account A-00002");
  });

  it("keeps a SKU in a line's detail and the linked document numbers from breaking at their hyphens", () => {
    show();

    const sku = screen.getByText(SKU);
    expect(sku.tagName).toBe("SPAN");
    expect(sku.className).toContain("whitespace-nowrap");
    // The words around it wrap as usual: the SKU is the detail's only unbreakable part.
    expect(sku.parentElement?.textContent).toBe(invoice.lines[0]?.detail);
    expect(sku.parentElement?.querySelectorAll(".whitespace-nowrap")).toHaveLength(1);
    expect(screen.getByRole("link", { name: "SO-000001" }).className).toContain("whitespace-nowrap");
  });
});

describe("AddressBlock", () => {
  it("names the country and leaves a code it does not know as it is", () => {
    const address = { line1: "Karl Johans gate 1", line2: null, city: "Oslo", region: null, postalCode: "0154" };
    const { container, rerender } = render(<AddressBlock address={{ ...address, country: "NO" }} />);
    expect(container.textContent).toBe("Karl Johans gate 10154 OsloNorway");

    rerender(<AddressBlock address={{ ...address, country: "XK" }} />);
    expect(container.textContent).toBe("Karl Johans gate 10154 OsloXK");
  });
});
