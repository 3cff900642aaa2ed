import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { extractPdfText } from "./testing/extract-pdf-text.ts";
import { buildInvoice, buildLine } from "./testing/invoice-fixtures.ts";

const TABLE_HEADER = "# Description Qty Unit price Tax % Net EUR Tax EUR Gross EUR";

function description(position: number): string {
  return `Mailbox Migration license ${String(position).padStart(2, "0")}`;
}

/** Row lines of a page's table, e.g. "7 Mailbox Migration license 07 7 12.50 ...". */
function rowPositions(page: string): number[] {
  return [...page.matchAll(/^(\d+) Mailbox Migration license \d{2} /gm)].map((match) => Number(match[1]));
}

describe("renderInvoicePdf: a 60-line invoice", () => {
  const lines = Array.from({ length: 60 }, (_, index) =>
    buildLine(
      index + 1,
      description(index + 1),
      index + 1,
      "12.50",
      index % 4 === 0 ? "Includes 12 months of support" : undefined,
    ),
  );
  const invoice = buildInvoice(lines);

  it("spans several pages, each numbered 'Page x of N' and repeating the table header", async () => {
    const { pages } = await extractPdfText(await renderInvoicePdf(invoice));

    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain(TABLE_HEADER);
    });
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages.slice(1).every((page) => page.includes("INVOICE INV-2026-000123 (continued)"))).toBe(true);
  });

  it("prints every line exactly once, in order, never splitting a line from its detail", async () => {
    const { pages } = await extractPdfText(await renderInvoicePdf(invoice));

    expect(pages.flatMap(rowPositions)).toEqual(lines.map((line) => line.position));
    const all = pages.join("\n");
    for (const line of lines) {
      expect(all.split(`${line.description} `)).toHaveLength(2);
    }
    for (const page of pages) {
      for (const position of rowPositions(page).filter((p) => (p - 1) % 4 === 0)) {
        expect(page).toMatch(
          new RegExp(`^${position} ${description(position)} .*\\nIncludes 12 months of support$`, "m"),
        );
      }
    }
  });

  it("shows the grand total on the last page only, with the right amounts", async () => {
    const { pages } = await extractPdfText(await renderInvoicePdf(invoice));
    // Sum of 1..60 is 1830 licenses at 12.50: net 22,875.00; tax is the per-line 19% rounded half up.
    const lastPage = pages.at(-1) ?? "";

    expect(invoice.totals).toEqual({ net: "22875.00", tax: "4346.40", gross: "27221.40" });
    expect(lastPage).toMatch(/^Net 22,875\.00 EUR\nTax 4,346\.40 EUR\nTotal 27,221\.40 EUR$/m);
    expect(pages.slice(0, -1).some((page) => page.includes("Total 27,221.40 EUR"))).toBe(false);
  });

  it("moves the totals to a page of their own when the table fills the last page", async () => {
    // Grow a one-licence-per-line invoice until the last table page has no room left for the totals.
    let count = 60;
    let pages: string[] = [];
    for (; count <= 120; count += 1) {
      const grown = Array.from({ length: count }, (_, index) =>
        buildLine(index + 1, description(index + 1), 1, "1.00"),
      );
      pages = (await extractPdfText(await renderInvoicePdf(buildInvoice(grown, { notes: null })))).pages;
      if (rowPositions(pages.at(-1) ?? "").length === 0) break;
    }
    const lastPage = pages.at(-1) ?? "";
    const taxCents = count * 19;
    const cents = (value: number): string => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;

    expect(count).toBeLessThanOrEqual(120);
    expect(pages.slice(0, -1).flatMap(rowPositions)).toHaveLength(count);
    expect(lastPage).toMatch(
      new RegExp(
        `^Net ${count}\\.00 EUR\nTax ${cents(taxCents)} EUR\nTotal ${cents(count * 100 + taxCents)} EUR$`,
        "m",
      ),
    );
    expect(lastPage).toContain("INVOICE INV-2026-000123 (continued)");
    expect(lastPage).toContain(`Page ${pages.length} of ${pages.length}`);
  });
});
