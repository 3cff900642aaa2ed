import { describe, expect, it } from "vitest";
import { renderStatementPdf } from "./render-statement-pdf.ts";
import { extractPdfText } from "./testing/extract-pdf-text.ts";
import { BUYER, SELLER } from "./testing/invoice-fixtures.ts";
import type { StatementDocument, StatementLine } from "./types.ts";

const STATEMENT: StatementDocument = {
  issuedAt: new Date("2026-03-31T08:00:00Z"),
  currency: "EUR",
  from: "2026-03-01",
  to: "2026-03-31",
  seller: SELLER,
  account: BUYER,
  branding: { displayName: "Contoso Cloud", primaryColor: "#0b5cab" },
  openingBalance: "60.00",
  closingBalance: "1250.00",
  lines: [
    {
      date: "2026-03-05",
      reference: "INV-000124",
      description: "Invoice INV-000124",
      amount: "1240.00",
      balance: "1300.00",
    },
    {
      date: "2026-03-07",
      reference: null,
      description: "Payment (Bank transfer, ref SEPA 1) for INV-000123",
      amount: "-60.00",
      balance: "1240.00",
    },
    {
      date: "2026-03-09",
      reference: "CRN-000007",
      description: "Credit note CRN-000007 for INV-000124",
      amount: "-40.00",
      balance: "1200.00",
    },
    {
      date: "2026-03-10",
      reference: "CRN-000007",
      description: "Refund for CRN-000007 (Bank transfer)",
      amount: "50.00",
      balance: "1250.00",
    },
  ],
};

describe("renderStatementPdf", () => {
  it("prints the account, the period, the opening balance, every movement with its balance, and the closing balance", async () => {
    const { pages } = await extractPdfText(await renderStatementPdf(STATEMENT));
    const text = pages.join("\n");
    expect(pages).toHaveLength(1);
    expect(text).toMatch(/^STATEMENT OF ACCOUNT$/m);
    expect(text).toContain("Account no. ACC-000042");
    expect(text).toContain("Period 2026-03-01 to 2026-03-31");
    expect(text).toMatch(/^Account\nFabrikam Migrations Ltd\n1 Market Street/m);
    expect(text).toContain("Opening balance on 2026-03-01 60.00 EUR");
    expect(text).toContain("Date Reference Description Charges EUR Credits EUR Balance EUR");
    expect(text).toContain("2026-03-05 INV-000124 Invoice INV-000124 1,240.00 1,300.00");
    // A long description wraps in its column, the amounts stay on its first line.
    expect(text).toContain("2026-03-07 Payment (Bank transfer, ref SEPA 1) for 60.00 1,240.00\nINV-000123");
    expect(text).toContain("2026-03-10 CRN-000007 Refund for CRN-000007 (Bank transfer) 50.00 1,250.00");
    expect(text).toContain("Closing balance on 2026-03-31 1,250.00 EUR");
    expect(text).toContain("Page 1 of 1");
  });

  it("continues on further pages with the header repeated", async () => {
    const lines: StatementLine[] = Array.from({ length: 80 }, (_, index) => ({
      date: "2026-03-05",
      reference: `INV-${String(index + 1).padStart(6, "0")}`,
      description: `Invoice ${index + 1}`,
      amount: "1.00",
      balance: `${index + 1}.00`,
    }));
    const { pages } = await extractPdfText(
      await renderStatementPdf({ ...STATEMENT, openingBalance: "0.00", closingBalance: "80.00", lines }),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain("(continued)");
    expect(pages[1]).toContain("Date Reference Description");
    expect(pages.join("\n").match(/^2026-03-05 INV-/gm)).toHaveLength(80);
    expect(pages.at(-1)).toContain("Closing balance on 2026-03-31 80.00 EUR");
  });

  it("says so when nothing happened, and refuses a malformed day or amount", async () => {
    const { pages } = await extractPdfText(
      await renderStatementPdf({ ...STATEMENT, lines: [], closingBalance: "60.00" }),
    );
    expect(pages[0]).toContain("Nothing happened on the account in this period.");
    await expect(renderStatementPdf({ ...STATEMENT, from: "01.03.2026" })).rejects.toThrow(RangeError);
    await expect(renderStatementPdf({ ...STATEMENT, closingBalance: "1.250,00" })).rejects.toThrow(RangeError);
  });
});
