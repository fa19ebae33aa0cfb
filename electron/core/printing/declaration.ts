import type { IdType } from '@shared/domain/identity';
import { DEFAULT_TIME_ZONE, formatHijri } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { fieldRow, paragraph, placeFlowingText, signatureRow } from './blocks';
import { FONT } from './fonts';
import {
  A4,
  bothCalendars,
  COLOR,
  printedNote,
  type AssociationHeader,
  type PrintingOptions,
} from './pdf-page';
import { startLetterheadDocument } from './letterhead-document';
import { isolateLtr, layoutRtlText } from './rtl-layout';

/** The declaration (إقرار, S4) printed for the applicant's signature. */
export interface DeclarationInput {
  header: AssociationHeader;
  request: { number: string; openedAt: string; serviceName?: string | null };
  applicant: { fullName: string; idType: IdType; idNumber: string };
  /** The current text and its version: the printed paper records which version was signed. */
  declaration: { version: number; text: string; publishedAt?: string | null };
  /** The employee who witnesses the signature. */
  witness: { fullName: string } | null;
  printedAt: string;
  printedBy?: string | null;
}

const L = printingAr.declaration;
const MARGINS = { top: 40, bottom: 52, left: 50, right: 50 };

export async function renderDeclaration(input: DeclarationInput, options: PrintingOptions = {}): Promise<Buffer> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { doc, page: f, flow, finish } = startLetterheadDocument(
    {
      header: input.header,
      title: L.title,
      pdfTitle: `${L.title} — ${input.applicant.fullName}`,
      size: A4,
      margins: MARGINS,
      running: `${L.title} — ${input.applicant.fullName}`,
      footerNote: printedNote(input.printedAt, tz, input.printedBy),
    },
    options,
  );
  flow.place(paragraph(doc, L.subtitle, f.left, f.width, { align: 'center', fontSize: 11, color: COLOR.muted }), 10);

  flow.place(
    fieldRow(
      doc,
      [
        { label: L.requestNumber, value: isolateLtr(input.request.number), weight: 0.8 },
        { label: printingAr.common.date, value: bothCalendars(input.request.openedAt, tz), weight: 1.2 },
      ],
      f.left,
      f.width,
    ),
    4,
  );
  flow.place(fieldRow(doc, [{ label: L.applicant, value: input.applicant.fullName }], f.left, f.width), 4);
  flow.place(
    fieldRow(
      doc,
      [
        { label: fill(L.idNumber, { idType: ar.idTypes[input.applicant.idType] ?? '' }), value: isolateLtr(input.applicant.idNumber) },
        { label: L.service, value: input.request.serviceName },
      ],
      f.left,
      f.width,
    ),
    12,
  );

  // The declaration text, justified in its frame; a long text continues on the next page.
  const pad = 12;
  const text = layoutRtlText(doc, input.declaration.text, {
    x: f.left + pad,
    y: 0,
    width: f.width - 2 * pad,
    fontSize: 13,
    lineHeight: 2,
    align: 'justify',
    font: FONT.regular,
  });
  placeFlowingText(flow, doc, text, { x: f.left, width: f.width, padding: pad });
  flow.y += 3;
  const version = input.declaration.publishedAt
    ? fill(L.version, { version: input.declaration.version, date: formatHijri(input.declaration.publishedAt, tz) })
    : fill(L.versionOnly, { version: input.declaration.version });
  flow.place(paragraph(doc, version, f.left, f.width, { fontSize: 8.5, color: COLOR.muted, align: 'left' }), 22);

  flow.place(
    signatureRow(
      doc,
      [
        { label: L.applicantSignature, name: input.applicant.fullName },
        { label: `${L.witness} — ${L.witnessSignature}`, name: input.witness?.fullName ?? null },
      ],
      f.left,
      f.width,
    ),
    18,
  );
  flow.place(
    fieldRow(
      doc,
      [
        { label: `${L.signedDate} (${ar.dates.hijri})`, value: '' },
        { label: ar.dates.gregorian, value: '' },
      ],
      f.left,
      f.width,
    ),
  );

  return finish();
}
