import { DEFAULT_TIME_ZONE } from '@shared/dates/calendar';
import type { Channel } from '@shared/domain/channels';
import type { ComplaintCategory } from '@shared/domain/complaints';
import { ar, fill } from '@shared/labels/ar';
import { countOf } from '@shared/labels/count';
import { printingAr } from '@shared/labels/printing-ar';
import { fieldRow, paragraph, placeFlowingText } from './blocks';
import { FONT } from './fonts';
import { bothCalendars, COLOR, printedNote, type AssociationHeader, type PrintingOptions } from './pdf-page';
import { startLetterheadDocument } from './letterhead-document';
import { numberWithQr } from './number-with-qr';
import { isolateLtr, layoutRtlText, paintTextLayout } from './rtl-layout';

/** The acknowledgement slip of a complaint or suggestion (P8): half an A4 sheet. */
export interface ComplaintSlipInput {
  header: AssociationHeader;
  complaint: {
    number: string;
    receivedAt: string;
    channel: Channel;
    category: ComplaintCategory | null;
    beneficiaryName: string | null;
    text: string;
    dueDate: string;
    receivedBy: string;
  };
  dueWorkingDays: number;
  printedAt: string;
}

const L = printingAr.complaintSlip;
const A5: [number, number] = [419.53, 595.28];
const MARGINS = { top: 30, bottom: 44, left: 34, right: 34 };

/**
 * «ش-1448-00012» as an Arabic reader reads it: the letter first (on the right), then the year and the
 * sequence kept in their own left-to-right order (without the isolate the line would show them swapped).
 */
function printedNumber(n: string): string {
  const dash = n.indexOf('-');
  return `${n.slice(0, dash + 1)}${isolateLtr(n.slice(dash + 1))}`;
}

export async function renderComplaintSlip(input: ComplaintSlipInput, options: PrintingOptions = {}): Promise<Buffer> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const c = input.complaint;
  // A very long text goes on onto a second page with the same margins.
  const { doc, page: f, flow, finish } = startLetterheadDocument(
    {
      header: input.header,
      title: L.title,
      pdfTitle: `${L.title} ${c.number}`,
      size: A5,
      margins: MARGINS,
      running: null,
      gap: 2,
      footerNote: printedNote(input.printedAt, tz),
    },
    options,
  );

  // The number large, beside its QR code (on the left), as the request receipt has it.
  const top = numberWithQr(doc, f, { label: L.number, printed: printedNumber(c.number), hint: L.numberHint, encoded: c.number }, { qr: 70, gutter: 14, label: [11, 1.5], number: [24, 1.4], hint: 9, qrPadding: 6, below: 4 });
  flow.place(top, 4);
  flow.place(fieldRow(doc, [{ label: L.receivedAt, value: bothCalendars(c.receivedAt, tz) }], f.left, f.width), 2);
  flow.place(
    fieldRow(
      doc,
      [
        { label: L.channel, value: ar.channels[c.channel] },
        { label: L.category, value: c.category ? ar.complaints.categories[c.category] : ar.complaints.noCategory },
      ],
      f.left,
      f.width,
    ),
    2,
  );
  if (c.beneficiaryName) flow.place(fieldRow(doc, [{ label: L.beneficiary, value: c.beneficiaryName }], f.left, f.width), 2);
  flow.place(paragraph(doc, `${L.text}:`, f.left, f.width, { font: FONT.bold, fontSize: 10 }), 1);
  const text = layoutRtlText(doc, c.text, { x: f.left + 6, y: 0, width: f.width - 12, font: FONT.regular, fontSize: 10.5, lineHeight: 1.6 });
  placeFlowingText(flow, doc, text, { x: f.left, width: f.width, padding: 5 });
  flow.y += 8;

  // The due date, framed: the first thing the complainant looks for.
  const dueLabel = layoutRtlText(doc, `${L.dueDate}: ${bothCalendars(c.dueDate, tz)}`, { x: f.left + 8, y: 0, width: f.width - 16, font: FONT.bold, fontSize: 12, lineHeight: 1.6, align: 'center' });
  const dueNote = layoutRtlText(doc, fill(L.dueNote, { days: countOf(input.dueWorkingDays, ar.complaints.workingDays) }), {
    x: f.left + 8,
    y: 0,
    width: f.width - 16,
    font: FONT.regular,
    fontSize: 9.5,
    lineHeight: 1.5,
    align: 'center',
  });
  const boxHeight = dueLabel.height + dueNote.height + 10;
  flow.place(
    {
      height: boxHeight,
      paint(y) {
        doc.save().lineWidth(1.1).strokeColor(COLOR.rule).rect(f.left, y, f.width, boxHeight).stroke().restore();
        paintTextLayout(doc, dueLabel, y + 5);
        paintTextLayout(doc, dueNote, y + 5 + dueLabel.height);
        doc.fillColor(COLOR.text);
      },
    },
    8,
  );
  flow.place(fieldRow(doc, [{ label: L.receivedBy, value: c.receivedBy }], f.left, f.width), 6);
  if (input.header.phone) flow.place(paragraph(doc, fill(L.askPhone, { phone: isolateLtr(input.header.phone) }), f.left, f.width, { fontSize: 10 }), 4);
  flow.place(paragraph(doc, L.keep, f.left, f.width, { font: FONT.bold, fontSize: 10.5, align: 'center' }));

  return finish();
}
