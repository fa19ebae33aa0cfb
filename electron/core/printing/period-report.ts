import type { PeriodFigures } from '@shared/contract/reports';
import { DEFAULT_TIME_ZONE, formatGregorian, formatHijri, formatWeekday } from '@shared/dates/calendar';
import { ar, fill } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { complaintRows, figureText, requestRows, satisfactionRows, visitSummaryRows, type FigureRow } from '@shared/labels/report-rows';
import { countText, daysText, durationText, hourText, shareText, weekdayName } from '@shared/labels/report-values';
import { fieldRow, paragraph, sectionTitle } from './blocks';
import { A4, COLOR, printedNote, type AssociationHeader, type PrintingOptions } from './pdf-page';
import { startLetterheadDocument } from './letterhead-document';
import { drawTable, measureTable, type TableColumn } from './table';

/** تقرير الفترة: the figures (reports.period) with what is printed around them. */
export interface PeriodReportInput {
  header: AssociationHeader;
  figures: PeriodFigures;
  printedAt: string;
  printedBy: string | null;
}

const L = printingAr.periodReport;
const R = ar.reports;
const MARGINS = { top: 32, bottom: 44, left: 36, right: 36 };
/** A section's title is never left alone at the foot of a page: it goes over with its table's header and first row. */
const TITLE_WITH_TABLE = 72;

/** "16 رمضان 1447 هـ — 5 مارس 2026م" of a business day. */
function dayBoth(day: string): string {
  return `${formatHijri(day)} — ${formatGregorian(day)}`;
}

/** "من … إلى …" of the period, in both calendars. */
export function periodText(from: string, to: string): string {
  return fill(L.periodValue, { from: dayBoth(from), to: dayBoth(to) });
}

/**
 * The report a supervisor prints for a period, A4 in portrait: the visits and their
 * waits against the targets (S1), how they spread over days, hours and weekdays, by reason, channel
 * and desk, and the support requests (S5). Pages carry the letterhead, then a running title.
 */
export async function renderPeriodReport(input: PeriodReportInput, options: PrintingOptions = {}): Promise<Buffer> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const f = input.figures;
  const period = periodText(f.from, f.to);
  const { doc, page, flow, newPage, freshPageRoom, finish } = startLetterheadDocument(
    {
      header: input.header,
      title: L.title,
      pdfTitle: `${L.title} ${f.from} — ${f.to}`,
      size: A4,
      margins: MARGINS,
      running: `${L.title} — ${period}`,
      footerNote: printedNote(input.printedAt, tz, input.printedBy),
    },
    options,
  );
  flow.place(
    fieldRow(
      doc,
      [
        { label: L.period, value: period, weight: 3.2 },
        { label: R.days, value: countText(f.days), weight: 0.8 },
      ],
      page.left,
      page.width,
    ),
    8,
  );

  /** A section: its title, then a table kept with it. */
  const table = <Row>(title: string, columns: TableColumn<Row>[], rows: readonly Row[], note?: string) => {
    const heading = sectionTitle(doc, title, page.left, page.width);
    const notes = note ? paragraph(doc, note, page.left, page.width, { fontSize: 8.5, color: COLOR.muted }) : null;
    const options = { columns, rows, x: page.left, width: page.width, y: 0, bottom: page.bottom, newPage, fontSize: 9, padding: 2.5, zebra: true };
    // A table that fits on a page goes over whole rather than split; a longer one breaks under a repeated header.
    const whole = heading.height + (notes ? notes.height + 2 : 0) + measureTable(doc, options);
    if (whole > flow.room && whole <= freshPageRoom) flow.breakPage();
    else flow.ensure(TITLE_WITH_TABLE);
    flow.place(heading);
    if (notes) flow.place(notes, 2);
    flow.y = drawTable(doc, { ...options, y: flow.y }).y + 12;
  };
  const figureColumns: TableColumn<FigureRow>[] = [
    { header: L.figure, weight: 3, cell: (r) => r.label },
    { header: L.value, weight: 1.4, cell: (r) => figureText(r), align: 'center' },
  ];

  const v = f.visits;
  if (v.total === 0) {
    flow.place(sectionTitle(doc, L.visitsSection, page.left, page.width));
    flow.place(paragraph(doc, R.noVisits, page.left, page.width, { fontSize: 11, color: COLOR.muted }), 12);
  } else {
    table(L.visitsSection, figureColumns, visitSummaryRows(f), `${R.targetsNote} ${R.p90Note}`);
    table(
      R.byReason,
      [
        { header: R.reason, weight: 1.7, cell: (r) => ar.reasons[r.reason] },
        { header: R.visits, weight: 0.8, cell: (r) => countText(r.visits), align: 'center' },
        { header: R.meanWait, weight: 0.9, cell: (r) => durationText(r.wait.meanMs), align: 'center' },
        { header: R.median, weight: 0.8, cell: (r) => durationText(r.wait.medianMs), align: 'center' },
        { header: R.p90, weight: 0.8, cell: (r) => durationText(r.wait.p90Ms), align: 'center' },
        { header: R.targetMinutes, weight: 0.8, cell: (r) => countText(r.targetMinutes), align: 'center' },
        { header: R.withinShare, weight: 1, cell: (r) => shareText(r.target.withinShare), align: 'center' },
        { header: R.aboveTarget, weight: 0.8, cell: (r) => countText(r.target.aboveTarget), align: 'center' },
      ],
      v.byReason.filter((r) => r.visits > 0),
    );
    table(
      R.byDesk,
      [
        { header: R.desk, weight: 1.7, cell: (d) => d.deskName ?? R.notCalled },
        { header: R.visits, weight: 0.8, cell: (d) => countText(d.visits), align: 'center' },
        { header: R.meanWait, weight: 0.9, cell: (d) => durationText(d.wait.meanMs), align: 'center' },
        { header: R.p90, weight: 0.8, cell: (d) => durationText(d.wait.p90Ms), align: 'center' },
        { header: R.meanService, weight: 0.9, cell: (d) => durationText(d.service.meanMs), align: 'center' },
        { header: R.withinShare, weight: 1, cell: (d) => shareText(d.target.withinShare), align: 'center' },
        { header: R.aboveTarget, weight: 0.8, cell: (d) => countText(d.target.aboveTarget), align: 'center' },
      ],
      v.byDesk,
    );
    table(
      R.byChannel,
      [
        { header: R.channel, weight: 2, cell: (c) => ar.channels[c.channel] },
        { header: R.visits, weight: 1, cell: (c) => countText(c.visits), align: 'center' },
        { header: R.share, weight: 1, cell: (c) => shareText(c.visits / v.total), align: 'center' },
      ],
      v.byChannel.filter((c) => c.visits > 0),
    );
    table(
      R.perWeekday,
      [
        { header: R.weekday, weight: 1.5, cell: (w) => weekdayName(w.weekday) },
        { header: R.weekdayDays, weight: 1, cell: (w) => countText(w.days), align: 'center' },
        { header: R.visits, weight: 1, cell: (w) => countText(w.visits), align: 'center' },
        { header: R.perWeekdayAverage, weight: 1.2, cell: (w) => daysText(w.perDay), align: 'center' },
      ],
      // Sunday first, as the association's week runs.
      v.perWeekday,
    );
    const busy = v.perHour.filter((h) => h.visits > 0).map((h) => h.hour);
    table(
      R.perHour,
      [
        { header: R.hour, weight: 1.2, cell: (h) => hourText(h.hour), align: 'center' },
        { header: R.visits, weight: 1, cell: (h) => countText(h.visits), align: 'center' },
        { header: R.share, weight: 1, cell: (h) => shareText(h.visits / v.total), align: 'center' },
      ],
      // From the first hour anyone came to the last: the quiet hours between them show as zero.
      v.perHour.slice(Math.min(...busy), Math.max(...busy) + 1),
    );
    const days = v.perDay.filter((d) => d.visits > 0);
    table(
      R.perDay,
      [
        // Wide enough for the longest Hijri month («جمادى الآخرة») and its Gregorian day on one line.
        { header: R.day, weight: 3.2, cell: (d) => dayBoth(d.day) },
        { header: R.weekday, weight: 0.8, cell: (d) => formatWeekday(d.day, tz) },
        { header: R.visits, weight: 0.7, cell: (d) => countText(d.visits), align: 'center' },
        { header: R.leftBeforeServed, weight: 0.7, cell: (d) => countText(d.left), align: 'center' },
        { header: R.meanWait, weight: 0.8, cell: (d) => durationText(d.wait.meanMs), align: 'center' },
        { header: R.p90, weight: 0.7, cell: (d) => durationText(d.wait.p90Ms), align: 'center' },
        { header: R.withinShare, weight: 0.9, cell: (d) => shareText(d.target.withinShare), align: 'center' },
        { header: R.aboveTarget, weight: 0.7, cell: (d) => countText(d.target.aboveTarget), align: 'center' },
      ],
      days,
      v.perDay.length > days.length ? fill(R.daysWithoutVisits, { count: countText(v.perDay.length - days.length) }) : undefined,
    );
  }

  table(L.requestsSection, figureColumns, requestRows(f), fill(R.asOf, { day: dayBoth(f.asOf) }));
  table(R.satisfactionSection, figureColumns, satisfactionRows(f));
  if (f.requests.opened > 0) {
    table(
      R.openedByChannel,
      [
        { header: R.channel, weight: 2, cell: (c) => ar.channels[c.channel] },
        { header: L.count, weight: 1, cell: (c) => countText(c.count), align: 'center' },
      ],
      Object.entries(f.requests.openedByChannel)
        .filter(([, n]) => n > 0)
        .map(([channel, count]) => ({ channel: channel as keyof typeof ar.channels, count })),
    );
  }
  // P8: the complaints and suggestions of the period.
  table(ar.complaints.report.section, figureColumns, complaintRows(f), fill(R.asOf, { day: dayBoth(f.asOf) }));

  return finish();
}
