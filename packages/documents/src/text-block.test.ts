import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { FONT_REGULAR } from "./layout.ts";
import { layoutTextLines, measureTextBlock, type TextStyle } from "./text-block.ts";

const doc = new PDFDocument({ size: "A4" });
const STYLE: TextStyle = { font: FONT_REGULAR, fontSize: 8, width: 90 };
const widthAt = (text: string, fontSize: number) => doc.font(FONT_REGULAR).fontSize(fontSize).widthOfString(text);

describe("layoutTextLines", () => {
  it("fills lines word by word and breaks only at spaces", () => {
    const lines = layoutTextLines(doc, "MigrationWiz User Migration Bundle for twelve months", STYLE);

    expect(lines.map((line) => line.text).join(" ")).toBe("MigrationWiz User Migration Bundle for twelve months");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.fontSize).toBe(8);
      expect(widthAt(line.text, line.fontSize)).toBeLessThanOrEqual(STYLE.width);
    }
  });

  it("moves a code that does not fit after other words to the next line, whole and at full size", () => {
    const code = "MW-7KQP-3XHD-N2RA";
    expect(widthAt(code, 8)).toBeLessThan(STYLE.width);
    expect(widthAt(`Coupon ${code}`, 8)).toBeGreaterThan(STYLE.width);

    expect(layoutTextLines(doc, `Coupon ${code}`, STYLE)).toEqual([
      { text: "Coupon", fontSize: 8 },
      { text: code, fontSize: 8 },
    ]);
  });

  it("prints a code wider than the column on a line of its own, smaller until it fits, never split", () => {
    const sku = "MW-ENTERPRISE-MAILBOX-MIGRATION-2026-EU1";
    expect(widthAt(sku, 8)).toBeGreaterThan(STYLE.width);

    const lines = layoutTextLines(doc, `25 licenses · SKU ${sku} · annual`, STYLE);

    const skuLine = lines.find((line) => line.text.includes("MW-"));
    expect(skuLine?.text).toBe(sku);
    expect(skuLine?.fontSize).toBeLessThan(8);
    expect(widthAt(sku, skuLine?.fontSize ?? 8)).toBeLessThanOrEqual(STYLE.width);
    expect(lines.filter((line) => line !== skuLine).every((line) => line.fontSize === 8)).toBe(true);
    expect(lines.map((line) => line.text).join(" ")).toBe(`25 licenses · SKU ${sku} · annual`);
  });

  it("keeps line breaks of the text and measures the lines it draws", () => {
    const lines = layoutTextLines(doc, "First line\nSecond", STYLE);

    expect(lines).toEqual([
      { text: "First line", fontSize: 8 },
      { text: "Second", fontSize: 8 },
    ]);
    const lineHeight = doc.font(FONT_REGULAR).fontSize(8).currentLineHeight(true);
    expect(measureTextBlock(doc, "First line\nSecond", STYLE)).toBeCloseTo(2 * lineHeight);
  });
});
