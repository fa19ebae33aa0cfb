import { DEFAULT_TIME_ZONE } from '@shared/dates/calendar';
import type { Channel } from '@shared/domain/channels';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { figureText, type FigureRow } from '@shared/labels/report-rows';
import { countText } from '@shared/labels/report-values';
import type { EvidenceSection } from '../reports/evidence-sections';
import { fieldRow, paragraph, placeFlowingText, sectionTitle, signatureRow } from './blocks';
import { FONT } from './fonts';
import { A4, COLOR, printedNote, type AssociationHeader, type PrintingOptions } from './pdf-page';
import { startLetterheadDocument } from './letterhead-document';
import { periodText } from './period-report';
import { layoutRtlText } from './rtl-layout';
import { drawTable, measureTable, type TableColumn } from './table';

export interface EvidencePackInput {
  header: AssociationHeader;
  from: string;
  to: string;
  sections: EvidenceSection[];
  printedAt: string;
  /** Who prepared it (the supervisor or administrator who printed it). */
  printedBy: string | null;
}

const E = printingAr.evidence;
const L = printingAr.periodReport;
const MARGINS = { top: 32, bottom: 44, left: 40, right: 40 };

/**
 * ملف أدلة الالتزام بالسياسة (docs/policy.md#the-clauses-and-where-they-live): for the association's board, each clause of the policy in
 * Arabic, framed as quoted, with the period's figures that show it kept; a clause nothing measures
 * yet says so. It ends with the board's signatures, to be printed and signed.
 */
export async function renderEvidencePack(input: EvidencePackInput, options: PrintingOptions = {}): Promise<Buffer> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const period = periodText(input.from, input.to);
  const { doc, page, flow, newPage, freshPageRoom, finish } = startLetterheadDocument(
    {
      header: input.header,
      title: E.title,
      pdfTitle: `${E.title} ${input.from} — ${input.to}`,
      size: A4,
      margins: MARGINS,
      running: `${E.title} — ${period}`,
      footerNote: printedNote(input.printedAt, tz, input.printedBy),
    },
    options,
  );
  flow.place(fieldRow(doc, [{ label: L.period, value: period }], page.left, page.width), 6);
  flow.place(paragraph(doc, E.intro, page.left, page.width, { fontSize: 10, color: COLOR.muted, lineHeight: 1.6 }), 12);

  const indicatorColumns: TableColumn<FigureRow>[] = [
    { header: E.indicator, weight: 3, cell: (r) => r.label },
    { header: E.value, weight: 1.3, cell: (r) => figureText(r), align: 'center' },
  ];
  const channelColumns: TableColumn<{ channel: Channel; visits: number; requests: number }>[] = [
    { header: ar.reports.channel, weight: 2, cell: (c) => ar.channels[c.channel] },
    { header: E.visits, weight: 1, cell: (c) => countText(c.visits), align: 'center' },
    { header: E.requests, weight: 1, cell: (c) => countText(c.requests), align: 'center' },
    { header: E.contacts, weight: 1, cell: (c) => countText(c.visits + c.requests), align: 'center' },
  ];
  /** A table measured before it is placed, drawn where the flow is when asked. */
  const tablePart = <Row>(columns: TableColumn<Row>[], rows: readonly Row[]) => {
    const options = { columns, rows, x: page.left, width: page.width, y: 0, bottom: page.bottom, newPage, fontSize: 9.5, padding: 2.5, zebra: true };
    return {
      height: measureTable(doc, options),
      draw: () => {
        flow.y = drawTable(doc, { ...options, y: flow.y }).y + 16;
      },
    };
  };

  for (const s of input.sections) {
    const heading = sectionTitle(doc, s.title, page.left, page.width);
    const label = paragraph(doc, E.clauseText, page.left, page.width, { fontSize: 8.5, font: FONT.bold, color: COLOR.muted });
    const text = layoutRtlText(doc, s.text, { x: page.left + 10, y: 0, width: page.width - 20, font: FONT.regular, fontSize: 10.5, lineHeight: 1.7 });
    const noData = s.noData ? paragraph(doc, `${E.noData}: ${E.noDataNote}`, page.left, page.width, { font: FONT.bold, fontSize: 10.5 }) : null;
    const figures = s.channels ? tablePart(channelColumns, s.channels) : s.noData ? null : tablePart(indicatorColumns, s.rows);
    // A clause goes over whole, its text and figures together, rather than leave its figures apart from it.
    const whole = heading.height + label.height + 1 + text.height + 12 + 6 + (noData ? noData.height : 0) + (figures?.height ?? 0);
    if (whole > flow.room && whole <= freshPageRoom) flow.breakPage();
    else flow.ensure(heading.height + label.height + text.height + 80);
    flow.place(heading);
    flow.place(label, 1);
    placeFlowingText(flow, doc, text, { x: page.left, width: page.width, padding: 6 });
    flow.y += 6;
    if (noData) flow.place(noData, 16);
    figures?.draw();
  }

  const board = [
    sectionTitle(doc, E.boardSection, page.left, page.width),
    paragraph(doc, E.boardNote, page.left, page.width, { fontSize: 10.5 }),
    { height: 10, paint() {} },
    signatureRow(
      doc,
      [
        { label: E.chair, name: null },
        { label: E.member, name: null },
        { label: printingAr.common.date, name: null },
      ],
      page.left,
      page.width,
    ),
    { height: 14, paint() {} },
    signatureRow(
      doc,
      [
        { label: E.preparedBy, name: input.printedBy },
        { label: E.preparedSignature, name: null },
        { label: printingAr.common.date, name: null },
      ],
      page.left,
      page.width,
    ),
  ];
  // The board's note and every signature on one page.
  flow.placeTogether(board);

  return finish();
}
