import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { extractPdfText } from "./testing/extract-pdf-text.ts";
import { buildCreditInvoice, buildInvoice, buildLine } from "./testing/invoice-fixtures.ts";

const LINES = [
  buildLine(1, "MigrationWiz User Migration Bundle", 25, "14.95", "Coupon MW-7KQP-3XHD-N2RA"),
  buildLine(2, "MigrationWiz Mailbox Migration", 100, "9.90"),
  buildLine(3, "MigrationWiz Document Migration", 3, "1234.50", "Tenant fabrikam.onmicrosoft.com"),
];
const INVOICE = buildInvoice(LINES);

async function render(
  document = INVOICE,
): Promise<{ pdf: Buffer; text: string; pages: string[]; info: Record<string, unknown> }> {
  const pdf = await renderInvoicePdf(document);
  const { pages, info } = await extractPdfText(pdf);
  return { pdf, text: pages.join("\n"), pages, info };
}

describe("renderInvoicePdf: invoice", () => {
  it("produces a one-page PDF with the invoice facts a customer looks for", async () => {
    const { pdf, text, pages } = await render();

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages).toHaveLength(1);
    expect(text).toMatch(/^INVOICE$/m);
    expect(text).toContain("Invoice no. INV-2026-000123");
    expect(text).toContain("Issue date 15 Mar 2026");
    expect(text).toContain("Due date 14 Apr 2026");
    expect(text).toContain("Status Open");
    expect(text).toContain("Order no. ORD-2026-004711");
    expect(text).not.toContain("Credit for invoice");
    expect(text).toContain("Page 1 of 1");
  });

  it("shows the branded seller with its legal name and tax id, and the buyer under Bill to", async () => {
    const { text } = await render();

    expect(text).toMatch(/^Contoso Cloud$/m);
    expect(text).toContain("Contoso Distribution GmbH");
    expect(text).toContain("Tax ID: DE123456789");
    const billTo = text.slice(text.indexOf("Bill to"));
    expect(billTo).toMatch(/^Bill to\nFabrikam Migrations Ltd\n1 Market Street\nLeeds LS1 4DY\nUnited Kingdom/);
    expect(billTo).toContain("Tax ID: GB987654321");
    expect(billTo).toContain("Account no.: ACC-000042");
  });

  it("prints every line with quantity, unit price, tax rate and amounts, and its detail beneath", async () => {
    const { text } = await render();

    expect(text).toContain("# Description Qty Unit price Tax % Net EUR Tax EUR Gross EUR");
    expect(text).toContain("1 MigrationWiz User Migration Bundle 25 14.95 19% 373.75 71.01 444.76");
    expect(text).toContain("2 MigrationWiz Mailbox Migration 100 9.90 19% 990.00 188.10 1,178.10");
    expect(text).toContain("3 MigrationWiz Document Migration 3 1,234.50 19% 3,703.50 703.67 4,407.17");
    expect(text).toMatch(/444\.76\nCoupon MW-7KQP-3XHD-N2RA\n/);
    expect(text).toMatch(/4,407\.17\nTenant fabrikam\.onmicrosoft\.com\n/);
  });

  it("ends with the totals in the invoice currency, then the notes", async () => {
    const { text } = await render();

    expect(text).toMatch(/^Net 5,067\.25 EUR\nTax 962\.78 EUR\nTotal 6,030\.03 EUR\nNotes\nPayable within 30 days/m);
  });

  it("says what was paid and credited, and the amount still due, under the totals", async () => {
    const { text } = await render({
      ...INVOICE,
      status: "partially-paid",
      settlement: { paid: "1000.00", credited: "444.76", refunded: "0.00", due: "4585.27" },
    });

    expect(text).toContain("Status Partially paid");
    expect(text).toMatch(
      /^Total 6,030\.03 EUR\nPaid -1,000\.00 EUR\nCredited -444\.76 EUR\nAmount due 4,585\.27 EUR\nNotes/m,
    );
  });

  it("sets the document title and author", async () => {
    const { info } = await render();

    expect(info.Title).toBe("Invoice INV-2026-000123");
    expect(info.Author).toBe("Contoso Distribution GmbH");
  });

  it("without branding, heads the page with the seller's own name", async () => {
    const { text } = await render({ ...INVOICE, branding: null, orderNumber: null, notes: null, status: "paid" });

    expect(text).toMatch(/^Contoso Distribution GmbH\nINVOICE\n/);
    expect(text).not.toContain("Contoso Cloud");
    expect(text).not.toContain("Order no.");
    expect(text).not.toContain("Notes");
    expect(text).toContain("Status Paid");
  });

  it("renders the same bytes for the same input", async () => {
    const [first, second] = await Promise.all([renderInvoicePdf(INVOICE), renderInvoicePdf(structuredClone(INVOICE))]);

    expect(first.equals(second)).toBe(true);
  });

  it("prints dates in the requested time zone", async () => {
    const late = { ...INVOICE, issuedAt: new Date("2026-03-15T23:30:00Z") };
    const { pages } = await extractPdfText(await renderInvoicePdf(late, { timeZone: "Europe/Berlin" }));

    expect(pages[0]).toContain("Issue date 16 Mar 2026");
  });

  it("marks a void invoice", async () => {
    const { text } = await render({ ...INVOICE, status: "void" });

    expect(text).toContain("Status Void");
    expect(text).toMatch(/^VOID$/m);
  });

  it("rejects an amount that is not an exact decimal instead of printing a wrong figure", async () => {
    const broken = { ...INVOICE, totals: { ...INVOICE.totals, gross: "6.030,03" } };

    await expect(renderInvoicePdf(broken)).rejects.toThrow(RangeError);
  });
});

describe("renderInvoicePdf: credit invoice", () => {
  const CREDIT = buildCreditInvoice(INVOICE);

  it("is titled CREDIT INVOICE and names the invoice it credits", async () => {
    const { text, info } = await render(CREDIT);

    expect(text).toMatch(/^CREDIT INVOICE$/m);
    expect(text).toContain("Credit invoice no. CRN-2026-000007");
    expect(text).toContain("Credit for invoice INV-2026-000123 of 15 Mar 2026");
    expect(text).not.toContain("Due date");
    expect(info.Title).toBe("Credit invoice CRN-2026-000007");
  });

  it("says how much of the credit was applied and what is still to refund", async () => {
    const { text } = await render({
      ...CREDIT,
      status: "refund-due",
      settlement: { paid: "0.00", credited: "5000.00", refunded: "0.00", due: "1030.03" },
    });

    expect(text).toContain("Status Refund due");
    expect(text).toMatch(/^Total -6,030\.03 EUR\nApplied to invoice 5,000\.00 EUR\nRefund due 1,030\.03 EUR$/m);
  });

  it("shows negative lines and totals with a leading minus", async () => {
    const { text } = await render(CREDIT);

    expect(text).toContain("1 MigrationWiz User Migration Bundle -25 14.95 19% -373.75 -71.01 -444.76");
    expect(text).toContain("3 MigrationWiz Document Migration -3 1,234.50 19% -3,703.50 -703.67 -4,407.17");
    expect(text).toMatch(/^Net -5,067\.25 EUR\nTax -962\.78 EUR\nTotal -6,030\.03 EUR$/m);
  });
});

describe("renderInvoicePdf: VAT mention", () => {
  const MENTION = "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC";
  const untaxed = LINES.map((line) => ({ ...line, taxRate: "0.00", tax: "0.00", gross: line.net }));
  const REVERSE_CHARGE = buildInvoice(untaxed, {
    buyer: {
      name: "Fabrikam Migrations SARL",
      addressLines: ["1 rue du Marché", "75001 Paris", "FR"],
      email: "compta@fabrikam.example",
      taxId: "FRXX123456789",
      accountNumber: "A-10042",
    },
    taxMention: MENTION,
  });

  it("prints the reverse-charge mention under the totals, with the seller's and the buyer's VAT numbers", async () => {
    const { text, pages } = await render(REVERSE_CHARGE);

    expect(pages).toHaveLength(1);
    expect(text).toContain("Tax ID: DE123456789");
    expect(text.slice(text.indexOf("Bill to"))).toContain("Tax ID: FRXX123456789");
    expect(text).toContain("1 MigrationWiz User Migration Bundle 25 14.95 0% 373.75 0.00 373.75");
    expect(text).toMatch(
      /^Tax 0\.00 EUR\nTotal 5,067\.25 EUR\nReverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006\/112\/EC\nNotes$/m,
    );
  });

  it("prints each statement of a mention on its own line, and none without one", async () => {
    const both = await render({ ...REVERSE_CHARGE, taxMention: `Exempt from VAT\n${MENTION}` });
    expect(both.text).toMatch(/^Exempt from VAT\nReverse charge: VAT to be accounted/m);

    const { text } = await render();
    expect(text).not.toContain("Reverse charge");
    expect(text).toMatch(/^Total 6,030\.03 EUR\nNotes$/m);
  });
});

describe("renderInvoicePdf: codes and country names", () => {
  const COUPON = "MW-7KQP-3XHD-N2RA-9XZT-ABCD-QRST";
  const SKU = "MW-ENTERPRISE-MAILBOX-MIGRATION-2026-EU1";

  it("prints a coupon code and a SKU too long for the description column whole, each on one line", async () => {
    const { text } = await render(
      buildInvoice([
        buildLine(
          1,
          `Coupon ${COUPON}`,
          25,
          "14.95",
          `Asset “Mailbox move” for Tailspin Toys · 25 licenses · SKU ${SKU}`,
        ),
        buildLine(2, "MigrationWiz Mailbox Migration", 3, "9.90", "SKU BT-MBX-01"),
      ]),
    );
    const lines = text.split("\n");

    expect(lines.filter((line) => line.includes(COUPON))).toHaveLength(1);
    expect(lines.filter((line) => line.includes(SKU))).toHaveLength(1);
    // No piece of either code is left on another line; a short one stays beside its words.
    expect(lines.filter((line) => /MW-|EU1|QRST/.test(line))).toHaveLength(2);
    expect(lines).toContain("SKU BT-MBX-01");
  });

  it("prints a long order number and a buyer's hyphenated tax id in the header whole", async () => {
    const orderNumber = "ORD-2026-004711-REPLACEMENT-0042";
    const taxId = "GB-987654321-000-BRANCH-LEEDS-NORTH-WEST-0001-ACCOUNTS-PAYABLE";
    const { text } = await render({ ...INVOICE, orderNumber, buyer: { ...INVOICE.buyer, taxId } });
    const lines = text.split("\n");

    expect(lines.filter((line) => line.includes(orderNumber))).toHaveLength(1);
    expect(lines.filter((line) => line.includes(taxId))).toHaveLength(1);
    expect(lines.filter((line) => /REPLACEMENT|PAYABLE/.test(line))).toHaveLength(2);
  });

  it("prints country names outside ASCII as they are spelled", async () => {
    const { text } = await render({
      ...INVOICE,
      seller: { ...INVOICE.seller, addressLines: ["Torggatan 1", "22100 Mariehamn", "Åland Islands"] },
      buyer: { ...INVOICE.buyer, addressLines: ["Rue des Jardins", "Abidjan", "Côte d’Ivoire"] },
      lines: [buildLine(1, "Mailboxes", 1, "9.90", "Türkiye, São Tomé & Príncipe")],
    });

    expect(text).toMatch(/^22100 Mariehamn\nÅland Islands$/m);
    expect(text).toMatch(/^Abidjan\nCôte d’Ivoire$/m);
    expect(text).toMatch(/^Türkiye, São Tomé & Príncipe$/m);
  });
});
