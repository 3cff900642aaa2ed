import {
  CONTENT_LEFT,
  CONTENT_RIGHT,
  CONTENT_WIDTH,
  FONT_BOLD,
  FONT_REGULAR,
  FOOTER_TOP,
  MUTED_COLOR,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  RULE_COLOR,
  metadataTitle,
  type DrawContext,
} from "./layout.ts";

/**
 * Once every page exists (pages are buffered), stamps each one with its footer
 * ("Page x of y") and, for a void document, a VOID watermark.
 */
export function drawPageDecorations(context: DrawContext): void {
  const { doc, invoice } = context;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin while stamping.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;

    if (invoice.status === "void") drawVoidWatermark(context);

    doc
      .moveTo(CONTENT_LEFT, FOOTER_TOP - 6)
      .lineTo(CONTENT_RIGHT, FOOTER_TOP - 6)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOR)
      .stroke();
    doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED_COLOR);
    doc.text(`${invoice.seller.name} | ${metadataTitle(invoice)}`, CONTENT_LEFT, FOOTER_TOP, {
      width: CONTENT_WIDTH * 0.7,
      lineBreak: false,
    });
    doc.text(`Page ${index - range.start + 1} of ${range.count}`, CONTENT_LEFT + CONTENT_WIDTH * 0.7, FOOTER_TOP, {
      width: CONTENT_WIDTH * 0.3,
      align: "right",
      lineBreak: false,
    });

    doc.page.margins.bottom = bottomMargin;
  }
}

function drawVoidWatermark(context: DrawContext): void {
  const { doc } = context;
  doc.save();
  doc.rotate(-35, { origin: [PAGE_WIDTH / 2, PAGE_HEIGHT / 2] });
  doc.font(FONT_BOLD).fontSize(120).fillColor("#dc2626").fillOpacity(0.12);
  doc.text("VOID", 0, PAGE_HEIGHT / 2 - 60, { width: PAGE_WIDTH, align: "center", lineBreak: false });
  doc.restore();
}
