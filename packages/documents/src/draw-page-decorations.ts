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
  type FrameContext,
} from "./layout.ts";

/**
 * Once every page exists (pages are buffered), stamps each one with its footer
 * ("Page x of y") and the frame's watermark, if any (a void invoice's VOID).
 */
export function drawPageDecorations(context: FrameContext): void {
  const { doc, frame } = context;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin while stamping.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;

    if (frame.watermark) drawWatermark(context, frame.watermark);

    doc
      .moveTo(CONTENT_LEFT, FOOTER_TOP - 6)
      .lineTo(CONTENT_RIGHT, FOOTER_TOP - 6)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOR)
      .stroke();
    doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED_COLOR);
    doc.text(`${frame.seller.name} | ${frame.footer}`, CONTENT_LEFT, FOOTER_TOP, {
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

function drawWatermark(context: FrameContext, text: string): void {
  const { doc } = context;
  doc.save();
  doc.rotate(-35, { origin: [PAGE_WIDTH / 2, PAGE_HEIGHT / 2] });
  doc.font(FONT_BOLD).fontSize(120).fillColor("#dc2626").fillOpacity(0.12);
  doc.text(text, 0, PAGE_HEIGHT / 2 - 60, { width: PAGE_WIDTH, align: "center", lineBreak: false });
  doc.restore();
}
