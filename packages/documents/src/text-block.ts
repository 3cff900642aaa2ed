import type { PdfDocument } from "./layout.ts";

// pdfkit breaks a line after a hyphen, and inside a word that is wider than the column,
// which splits coupon codes ("MW-7KQP-3XHD-N2RA"), SKUs and document numbers in two.
// Text that wraps is therefore laid out here, breaking only at spaces, and every line is
// drawn on its own without a width (so pdfkit has nothing left to wrap).

export interface TextStyle {
  font: string;
  fontSize: number;
  /** Points the text may take across. */
  width: number;
}

/** One printed line of a text block, at the size it prints at. */
export interface TextLine {
  text: string;
  fontSize: number;
}

/**
 * `text` in lines no wider than `style.width`, broken at spaces and line breaks only:
 * a word (a code, a SKU, a number) is never split. A word that does not fit after others
 * starts the next line; a word wider than the whole width gets a line of its own, at the
 * smaller size at which it fits.
 */
export function layoutTextLines(doc: PdfDocument, text: string, style: TextStyle): TextLine[] {
  doc.font(style.font).fontSize(style.fontSize);
  const widthOf = (value: string) => doc.widthOfString(value);
  const lines: TextLine[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/[ \t]+/).filter((word) => word !== "");
    let current = "";
    for (const word of words) {
      const candidate = current === "" ? word : `${current} ${word}`;
      if (widthOf(candidate) <= style.width) {
        current = candidate;
        continue;
      }
      if (current !== "") lines.push({ text: current, fontSize: style.fontSize });
      current = "";
      const wordWidth = widthOf(word);
      if (wordWidth <= style.width) current = word;
      else lines.push({ text: word, fontSize: Math.floor((100 * style.fontSize * style.width) / wordWidth) / 100 });
    }
    if (current !== "" || words.length === 0) lines.push({ text: current, fontSize: style.fontSize });
  }
  return lines;
}

function lineHeight(doc: PdfDocument, font: string, line: TextLine): number {
  return doc.font(font).fontSize(line.fontSize).currentLineHeight(true);
}

/** The height `text` takes when drawn by drawTextBlock. */
export function measureTextBlock(doc: PdfDocument, text: string, style: TextStyle): number {
  return layoutTextLines(doc, text, style).reduce((height, line) => height + lineHeight(doc, style.font, line), 0);
}

/**
 * Draws `text` from (x, top) in the current fill colour, laid out by layoutTextLines,
 * and returns the y below it (also left in doc.y).
 */
export function drawTextBlock(
  doc: PdfDocument,
  text: string,
  x: number,
  top: number,
  style: TextStyle & { align?: "left" | "right" },
): number {
  let y = top;
  for (const line of layoutTextLines(doc, text, style)) {
    doc.font(style.font).fontSize(line.fontSize);
    const lineX = style.align === "right" ? x + style.width - doc.widthOfString(line.text) : x;
    if (line.text !== "") doc.text(line.text, lineX, y, { lineBreak: false });
    y += doc.currentLineHeight(true);
  }
  doc.x = x;
  doc.y = y;
  return y;
}
