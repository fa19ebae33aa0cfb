import { DEFAULT_TIME_ZONE } from '@shared/dates/calendar';
import { fill } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { fieldRow, list, paragraph, sectionTitle } from './blocks';
import { FONT } from './fonts';
import {
  A4,
  bothCalendars,
  COLOR,
  maskId,
  printedNote,
  type AssociationHeader,
  type PrintingOptions,
} from './pdf-page';
import { startLetterheadDocument } from './letterhead-document';
import { numberWithQr } from './number-with-qr';
import { isolateLtr, layoutRtlText, paintTextLayout } from './rtl-layout';

/** The receipt handed over when a complete request goes to the research committee (S5). */
export interface ReceiptInput {
  header: AssociationHeader;
  request: {
    /** "1447-00042": printed large and as a QR code the desk's scanner reads back into the search box. */
    number: string;
    serviceName: string;
    /** UTC ISO instant of submission to the committee. */
    submittedAt: string;
    /** Calendar date (YYYY-MM-DD): submission + the committee period. */
    expectedAnswerDate: string;
  };
  /** S5: the committee answers in not less than two weeks; the setting (days). */
  committeePeriodDays: number;
  applicant: { fullName: string; idNumber: string };
  receivedBy: string | null;
  /** How to ask; defaults to the letterhead's phone and website. */
  contact?: { phone?: string | null; website?: string | null; hours?: string | null };
  printedAt: string;
}

const L = printingAr.receipt;
const MARGINS = { top: 40, bottom: 52, left: 50, right: 50 };

export async function renderReceipt(input: ReceiptInput, options: PrintingOptions = {}): Promise<Buffer> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { doc, page: f, flow, finish } = startLetterheadDocument(
    {
      header: input.header,
      title: L.title,
      pdfTitle: `${L.title} ${input.request.number}`,
      size: A4,
      margins: MARGINS,
      running: `${L.title} — ${isolateLtr(input.request.number)}`,
      gap: 4,
      footerNote: printedNote(input.printedAt, tz),
    },
    options,
  );

  // The request number, large, beside its QR code (on the left).
  const top = numberWithQr(
    doc,
    f,
    { label: L.requestNumber, printed: isolateLtr(input.request.number), hint: L.qrHint, encoded: input.request.number },
    { qr: 96, gutter: 20, label: [12, 1.6], number: [30, 1.5], hint: 9.5, qrPadding: 8, below: 6 },
  );
  flow.place(top, 6);

  flow.place(fieldRow(doc, [{ label: L.applicant, value: input.applicant.fullName }], f.left, f.width), 4);
  flow.place(
    fieldRow(
      doc,
      [
        { label: L.idNumber, value: isolateLtr(maskId(input.applicant.idNumber)), weight: 0.8 },
        { label: L.service, value: input.request.serviceName, weight: 1.2 },
      ],
      f.left,
      f.width,
    ),
    4,
  );
  flow.place(fieldRow(doc, [{ label: L.submittedAt, value: bothCalendars(input.request.submittedAt, tz) }], f.left, f.width), 8);

  // The expected answer date (S5), framed so that it is the first thing the visitor finds.
  const expectLabel = layoutRtlText(doc, `${L.expectedAnswer}:`, { x: f.left + 10, y: 0, width: f.width - 20, font: FONT.bold, fontSize: 13, lineHeight: 1.6 });
  const expectValue = layoutRtlText(doc, bothCalendars(input.request.expectedAnswerDate, tz), {
    x: f.left + 10,
    y: 0,
    width: f.width - 20,
    font: FONT.bold,
    fontSize: 15,
    lineHeight: 1.6,
    align: 'center',
  });
  flow.place(
    {
      height: expectLabel.height + expectValue.height + 12,
      paint(y) {
        doc.save().lineWidth(1.2).strokeColor(COLOR.rule).rect(f.left, y, f.width, expectLabel.height + expectValue.height + 12).stroke().restore();
        paintTextLayout(doc, expectLabel, y + 6);
        paintTextLayout(doc, expectValue, y + 6 + expectLabel.height);
        doc.fillColor(COLOR.text);
      },
    },
    8,
  );
  flow.place(fieldRow(doc, [{ label: L.receivedBy, value: input.receivedBy }], f.left, f.width), 12);

  const next = L.next.map((s) => fill(s, { days: input.committeePeriodDays }));
  flow.placeTogether([sectionTitle(doc, L.nextTitle, f.left, f.width), list(doc, next, f.left, f.width, { marker: 'number' })], 10);

  const phone = input.contact?.phone ?? input.header.phone;
  const website = input.contact?.website ?? input.header.website;
  const ask = [
    L.askVisit,
    phone ? fill(L.askPhone, { phone: isolateLtr(phone) }) : '',
    website ? fill(L.askWebsite, { website: isolateLtr(website) }) : '',
    input.contact?.hours ? fill(L.askHours, { hours: input.contact.hours }) : '',
  ].filter((s) => s !== '');
  flow.placeTogether([sectionTitle(doc, L.askTitle, f.left, f.width), list(doc, ask, f.left, f.width, { marker: 'bullet' })], 14);
  flow.place(paragraph(doc, L.keep, f.left, f.width, { font: FONT.bold, fontSize: 11, align: 'center' }));

  return finish();
}
