import { fill } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { FONT } from './fonts';
import { COLOR, frame } from './pdf-page';
import { drawRtlText, widthOf } from './rtl-layout';

const NUMBER_WIDTH = 90;
const FONT_SIZE = 9;
/** Room kept for the page count: five digits (99,999 pages). */
const COUNT_DIGITS = '00000';

// The count is drawn apart from the rest of «صفحة 3 من 699»: it must be the last thing in the label.
const [pagePart, AFTER_COUNT] = printingAr.common.page.split('{pages}');
if (AFTER_COUNT !== '' || !pagePart) throw new Error('printingAr.common.page must end with {pages}');
const PAGE_PART: string = pagePart;

interface PdfkitPage {
  write(chunk: string): void;
  resources: { data: Record<string, unknown> };
  xobjects: Record<string, unknown>;
}
interface PdfReference {
  data: Record<string, unknown>;
  end(chunk?: string): void;
}
const internals = (doc: PDFKit.PDFDocument) =>
  doc as unknown as { page: PdfkitPage; ref: (data: Record<string, unknown>) => PdfReference };

export interface FootersAsYouGo {
  /** The footer of the page being drawn: call when it is full, before the next page, and on the last page. */
  drawOnPage(): void;
  /** Writes the page count into every footer; call once after the last footer, before the document ends. */
  finish(): void;
}

/**
 * The same footers as drawPageFooters («صفحة 3 من 699» and the printed-by note), for a document
 * written page by page — pdfkit without bufferPages, where each finished page is written out and
 * leaves memory (a register of 16,000 visits held every page: a gigabyte). The page count is not
 * known until the last page, so every footer shows it through one form XObject that all pages share,
 * drawn with the same text machinery once the count is known.
 */
export function footersAsYouGo(doc: PDFKit.PDFDocument, note?: string): FootersAsYouGo {
  const pdf = internals(doc);
  const count = pdf.ref({ Type: 'XObject', Subtype: 'Form' });
  let pages = 0;
  let box: { x: number; y: number; width: number } | null = null;

  return {
    drawOnPage() {
      pages++;
      const f = frame(doc);
      const y = f.bottom + 8;
      const countWidth = widthOf(doc.font(FONT.regular), COUNT_DIGITS, FONT_SIZE);
      box = { x: f.left, y, width: countWidth };
      doc.moveTo(f.left, y - 3).lineTo(f.right, y - 3).lineWidth(0.4).strokeColor(COLOR.light).stroke();
      // «صفحة 3 من» just right of the count's box; the count right-aligned in it, next to «من».
      const gap = widthOf(doc, ' ', FONT_SIZE);
      drawRtlText(doc, fill(PAGE_PART, { page: pages }).trim(), {
        x: f.left + countWidth + gap,
        y,
        width: NUMBER_WIDTH - countWidth - gap,
        font: FONT.regular,
        fontSize: FONT_SIZE,
        align: 'left',
        color: COLOR.muted,
      });
      pdf.page.xobjects.PageCount = count;
      doc.addContent('/PageCount Do');
      if (note) drawRtlText(doc, note, { x: f.left + NUMBER_WIDTH, y, width: f.width - NUMBER_WIDTH, font: FONT.regular, fontSize: 8.5, color: COLOR.muted });
      doc.fillColor(COLOR.text);
    },
    finish() {
      if (!box) throw new Error('footersAsYouGo: finish() before any footer was drawn');
      const { x, y, width } = box;
      const drawn = captured(doc, () =>
        drawRtlText(doc, String(pages), { x, y, width, font: FONT.regular, fontSize: FONT_SIZE, align: 'right', direction: 'ltr', color: COLOR.muted }),
      );
      // The form's space is the page's (no Matrix): the box only has to hold the digits.
      count.data.BBox = [x - FONT_SIZE, y - FONT_SIZE, x + width + FONT_SIZE, y + 3 * FONT_SIZE];
      count.data.Resources = drawn.resources;
      count.end(drawn.content);
    },
  };
}

/**
 * What `draw` writes on the current page, taken aside instead: its content stream and the resources
 * it named (fonts), for a form XObject. The page is left as it was.
 */
function captured(doc: PDFKit.PDFDocument, draw: () => void): { content: string; resources: Record<string, unknown> } {
  const page = internals(doc).page;
  const chunks: string[] = [];
  const resources = page.resources;
  const aside = { data: {} as Record<string, unknown> };
  page.resources = aside;
  page.write = (chunk: string) => void chunks.push(chunk);
  try {
    draw();
  } finally {
    // The page's own write (its prototype's) and resources again.
    delete (page as Partial<PdfkitPage>).write;
    page.resources = resources;
  }
  return { content: chunks.join('\n'), resources: aside.data };
}
