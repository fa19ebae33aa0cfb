import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { POLICY_NAME } from '@shared/labels/policy-clauses-ar';
import type { FigureRow } from '@shared/labels/report-rows';
import type { EvidenceSection } from './evidence-sections';
import { aboutLines, type ReportFileHead } from './period-xlsx';
import { addFigureSheet, addTableSheet, bookBytes, figureCell, newBook, NUMBER_FORMAT } from './xlsx-book';

const E = printingAr.evidence;

/** One line of the evidence sheet: the clause's heading beside each of its figures, so the sheet filters by clause. */
interface EvidenceLine {
  clause: string;
  figure: FigureRow | null;
  note: string | null;
}

/**
 * The evidence pack as a spreadsheet: what it is about; every figure beside its clause's heading
 * (a clause nothing measures yet on a line of its own, «لا تتوفر بيانات بعد»); the channel mix; and
 * each clause's text.
 */
export async function renderEvidenceXlsx(sections: EvidenceSection[], from: string, to: string, head: ReportFileHead, timeZone: string): Promise<Buffer> {
  const book = newBook(head.printedBy, head.printedAt);
  addFigureSheet(book, E.coverSheet, [{ label: E.title, cell: POLICY_NAME }, ...aboutLines(head, from, to, printingAr.periodReport.association, timeZone)]);

  const lines: EvidenceLine[] = sections.flatMap((s): EvidenceLine[] => {
    if (s.noData) return [{ clause: s.title, figure: null, note: E.noDataNote }];
    if (s.channels) {
      return s.channels.map((c) => ({
        clause: s.title,
        figure: { label: `${ar.channels[c.channel]} — ${E.contacts}`, value: c.visits + c.requests, unit: 'count' },
        note: null,
      }));
    }
    return s.rows.map((figure) => ({ clause: s.title, figure, note: null }));
  });
  const sheet = addTableSheet<EvidenceLine>(
    book,
    E.evidenceSheet,
    [
      { header: E.clause, value: (l) => l.clause, text: true },
      { header: E.indicator, value: (l) => l.figure?.label ?? E.noData, text: true },
      { header: E.value, value: (l) => (l.figure ? figureCell(l.figure).value : null), width: 14 },
      { header: E.share, value: (l) => l.figure?.share ?? null, numFmt: NUMBER_FORMAT.share, width: 10 },
      { header: printingAr.periodReport.unit, value: (l) => (l.figure ? figureCell(l.figure).unit || null : null), width: 10 },
      { header: E.note, value: (l) => l.note, text: true },
    ],
    lines,
  );
  lines.forEach((l, i) => {
    if (l.figure) sheet.getRow(i + 2).getCell(3).numFmt = figureCell(l.figure).numFmt;
  });

  const channels = sections.find((s) => s.channels)?.channels ?? [];
  addTableSheet(
    book,
    E.channelsSheet,
    [
      { header: ar.reports.channel, value: (c) => ar.channels[c.channel], text: true },
      { header: E.visits, value: (c) => c.visits, numFmt: NUMBER_FORMAT.count },
      { header: E.requests, value: (c) => c.requests, numFmt: NUMBER_FORMAT.count },
      { header: E.contacts, value: (c) => c.visits + c.requests, numFmt: NUMBER_FORMAT.count },
    ],
    channels,
  );
  addTableSheet(
    book,
    E.clausesSheet,
    [
      { header: E.clause, value: (s) => s.title, text: true },
      { header: E.clauseText, value: (s) => s.text, text: true },
    ],
    sections,
  );
  return bookBytes(book);
}
