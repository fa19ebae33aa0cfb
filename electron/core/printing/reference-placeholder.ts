import { formatBothDates } from '@shared/dates/calendar';
import { printingAr } from '@shared/labels/printing-ar';
import { drawRtlText } from './rtl-layout';
import { FONT } from './fonts';
import { createPdf, type AssociationHeader, type PrintingOptions } from './pdf-page';

/**
 * The shipped placeholder of a reference document (T1–T3) until the administrator replaces it with
 * the association's own PDF: its title and a note saying where the real one comes from.
 */
export async function renderReferencePlaceholder(header: AssociationHeader, title: string, printedAt: string, options: PrintingOptions = {}): Promise<Buffer> {
  const pdf = createPdf({ ...options, size: [595.28, 841.89], margins: { top: 60, bottom: 60, left: 60, right: 60 }, title, author: header.name });
  const { doc } = pdf;
  const width = doc.page.width - 120;
  let y = 80;
  y += drawRtlText(doc, header.name, { x: 60, y, width, fontSize: 18, font: FONT.bold, align: 'center' }) + 24;
  y += drawRtlText(doc, title, { x: 60, y, width, fontSize: 22, font: FONT.bold, align: 'center' }) + 30;
  y += drawRtlText(doc, printingAr.reference.placeholder, { x: 60, y, width, fontSize: 13, font: FONT.regular, align: 'center' }) + 16;
  drawRtlText(doc, formatBothDates(printedAt, options.timeZone), { x: 60, y, width, fontSize: 10, font: FONT.regular, align: 'center' });
  return pdf.finish();
}
