import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface ExtractedPdf {
  /** Text of each page, one visual line per line (items on the same baseline joined by a space). */
  pages: string[];
  info: Record<string, unknown>;
}

/** Reads a PDF as a user's viewer would: page count, the text on every page, the document info. */
export async function extractPdfText(pdf: Buffer): Promise<ExtractedPdf> {
  // pdfjs takes ownership of (and detaches) the array it is given, so hand it a copy.
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const lines = new Map<number, Array<{ x: number; text: string }>>();
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [, , , , x = 0, y = 0] = item.transform as number[];
        const key = Math.round(y);
        const line = lines.get(key) ?? [];
        line.push({ x, text: item.str });
        lines.set(key, line);
      }
      const ordered = [...lines.entries()].sort(([a], [b]) => b - a);
      pages.push(
        ordered
          .map(([, items]) =>
            items
              .sort((a, b) => a.x - b.x)
              .map((i) => i.text)
              .join(" "),
          )
          .join("\n"),
      );
    }
    const metadata = await document.getMetadata();
    return { pages, info: { ...(metadata.info as Record<string, unknown>) } };
  } finally {
    await task.destroy();
  }
}
