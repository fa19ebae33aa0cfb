import type { Block } from './blocks';
import { FONT } from './fonts';
import { COLOR, type frame } from './pdf-page';
import { drawQrCode } from './qr-code';
import { layoutRtlText, paintTextLayout } from './rtl-layout';

/** The sizes of one paper: the A4 receipt reads from a desk, the A5 complaint slip from a hand. */
export interface NumberWithQrSizes {
  qr: number;
  /** Between the text and the QR code. */
  gutter: number;
  /** Font size and line height of each line. */
  label: [number, number];
  number: [number, number];
  hint: number;
  /** Room kept around the QR code, and below the taller of the two. */
  qrPadding: number;
  below: number;
}

/**
 * A reference number the person keeps — a request's, a complaint's — large, under its label and over a
 * hint, beside its QR code on the left, which a desk's scanner reads back into the search box.
 */
export function numberWithQr(
  doc: PDFKit.PDFDocument,
  page: ReturnType<typeof frame>,
  content: { label: string; printed: string; hint: string; encoded: string },
  sizes: NumberWithQrSizes,
): Block {
  const width = page.width - sizes.qr - sizes.gutter;
  const x = page.right - width;
  const label = layoutRtlText(doc, content.label, { x, y: 0, width, font: FONT.bold, fontSize: sizes.label[0], lineHeight: sizes.label[1] });
  const number = layoutRtlText(doc, content.printed, { x, y: 0, width, font: FONT.bold, fontSize: sizes.number[0], lineHeight: sizes.number[1] });
  const hint = layoutRtlText(doc, content.hint, { x, y: 0, width, font: FONT.regular, fontSize: sizes.hint, color: COLOR.muted, lineHeight: 1.5 });
  return {
    height: Math.max(sizes.qr + sizes.qrPadding, label.height + number.height + hint.height) + sizes.below,
    paint(y) {
      paintTextLayout(doc, label, y);
      paintTextLayout(doc, number, y + label.height);
      paintTextLayout(doc, hint, y + label.height + number.height);
      doc.fillColor(COLOR.text);
      drawQrCode(doc, content.encoded, page.left, y, sizes.qr);
    },
  };
}
