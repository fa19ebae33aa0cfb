import type { PeriodFigures } from '@shared/contract/reports';
import { formatHijri, formatWeekday } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { complaintRows, requestRows, satisfactionRows, visitSummaryRows } from '@shared/labels/report-rows';
import { hourText, weekdayName } from '@shared/labels/report-values';
import { localClock } from './period-scope';
import { addFigureSheet, addTableSheet, bookBytes, dayCell, newBook, NUMBER_FORMAT, type SheetColumn, type SheetLine } from './xlsx-book';

export interface ReportFileHead {
  associationName: string;
  /** UTC ISO instant. */
  printedAt: string;
  printedBy: string;
}

const L = printingAr.periodReport;
const R = ar.reports;
const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);

/** The lines that say what a report is about, above its figures on the first sheet. */
export function aboutLines(head: ReportFileHead, from: string, to: string, title: string, timeZone: string): SheetLine[] {
  return [
    { label: title, cell: head.associationName },
    { label: R.from, cell: dayCell(from), numFmt: NUMBER_FORMAT.day },
    { label: `${R.from} (${R.hijri})`, cell: formatHijri(from) },
    { label: R.to, cell: dayCell(to), numFmt: NUMBER_FORMAT.day },
    { label: `${R.to} (${R.hijri})`, cell: formatHijri(to) },
    { label: L.printedAt, cell: localClock(timeZone).wallOf(head.printedAt), numFmt: 'yyyy/mm/dd hh:mm' },
    { label: L.printedBy, cell: head.printedBy },
  ];
}

const waitColumns = <Row extends { wait: { meanMs: number | null; medianMs: number | null; p90Ms: number | null } }>(): SheetColumn<Row>[] => [
  { header: `${R.meanWait} (${L.minutesUnit})`, value: (r) => minutes(r.wait.meanMs), numFmt: NUMBER_FORMAT.minutes },
  { header: `${R.medianWait} (${L.minutesUnit})`, value: (r) => minutes(r.wait.medianMs), numFmt: NUMBER_FORMAT.minutes },
  { header: `${R.p90Wait} (${L.minutesUnit})`, value: (r) => minutes(r.wait.p90Ms), numFmt: NUMBER_FORMAT.minutes },
];

const targetColumns = <Row extends { target: { called: number; withinTarget: number; aboveTarget: number; withinShare: number | null } }>(): SheetColumn<Row>[] => [
  { header: R.called, value: (r) => r.target.called, numFmt: NUMBER_FORMAT.count },
  { header: R.withinTarget, value: (r) => r.target.withinTarget, numFmt: NUMBER_FORMAT.count },
  { header: R.withinShare, value: (r) => r.target.withinShare, numFmt: NUMBER_FORMAT.share },
  { header: R.aboveTarget, value: (r) => r.target.aboveTarget, numFmt: NUMBER_FORMAT.count },
];

/**
 * تقرير الفترة as a spreadsheet: a summary sheet (what the report is about, the visits' and the
 * requests' figures), then one sheet per breakdown — every day of the period as a date cell with its
 * Hijri day beside, hours, weekdays, reasons, channels, desks — and the requests.
 */
export async function renderPeriodXlsx(figures: PeriodFigures, head: ReportFileHead, timeZone: string): Promise<Buffer> {
  const book = newBook(head.printedBy, head.printedAt);
  const v = figures.visits;
  addFigureSheet(book, L.summarySheet, [
    ...aboutLines(head, figures.from, figures.to, L.association, timeZone),
    { label: R.days, cell: figures.days, numFmt: NUMBER_FORMAT.count },
    ...visitSummaryRows(figures),
    ...requestRows(figures),
    ...complaintRows(figures),
    ...satisfactionRows(figures),
  ]);
  addTableSheet(book, L.perDaySheet, [
    { header: R.day, value: (d) => dayCell(d.day), numFmt: NUMBER_FORMAT.day, width: 13 },
    { header: R.hijri, value: (d) => formatHijri(d.day), text: true },
    { header: R.weekday, value: (d) => formatWeekday(d.day, timeZone), text: true },
    { header: R.visits, value: (d) => d.visits, numFmt: NUMBER_FORMAT.count },
    { header: R.leftBeforeServed, value: (d) => d.left, numFmt: NUMBER_FORMAT.count },
    ...waitColumns<(typeof v.perDay)[number]>(),
    ...targetColumns<(typeof v.perDay)[number]>(),
  ], v.perDay);
  addTableSheet(book, L.perHourSheet, [
    { header: R.hour, value: (h) => hourText(h.hour), text: true },
    { header: R.visits, value: (h) => h.visits, numFmt: NUMBER_FORMAT.count },
    { header: R.share, value: (h) => (v.total > 0 ? h.visits / v.total : null), numFmt: NUMBER_FORMAT.share },
  ], v.perHour);
  addTableSheet(book, L.perWeekdaySheet, [
    { header: R.weekday, value: (w) => weekdayName(w.weekday), text: true },
    { header: R.weekdayDays, value: (w) => w.days, numFmt: NUMBER_FORMAT.count },
    { header: R.visits, value: (w) => w.visits, numFmt: NUMBER_FORMAT.count },
    { header: R.perWeekdayAverage, value: (w) => w.perDay, numFmt: NUMBER_FORMAT.days },
  ], v.perWeekday);
  addTableSheet(book, L.byReasonSheet, [
    { header: R.reason, value: (r) => ar.reasons[r.reason], text: true },
    { header: R.visits, value: (r) => r.visits, numFmt: NUMBER_FORMAT.count },
    ...waitColumns<(typeof v.byReason)[number]>(),
    { header: R.targetMinutes, value: (r) => r.targetMinutes, numFmt: NUMBER_FORMAT.count },
    ...targetColumns<(typeof v.byReason)[number]>(),
  ], v.byReason);
  addTableSheet(book, L.byChannelSheet, [
    { header: R.channel, value: (c) => ar.channels[c.channel], text: true },
    { header: R.visits, value: (c) => c.visits, numFmt: NUMBER_FORMAT.count },
    { header: R.share, value: (c) => (v.total > 0 ? c.visits / v.total : null), numFmt: NUMBER_FORMAT.share },
    { header: R.openedByChannel, value: (c) => figures.requests.openedByChannel[c.channel], numFmt: NUMBER_FORMAT.count },
  ], v.byChannel);
  addTableSheet(book, L.byDeskSheet, [
    { header: R.desk, value: (d) => d.deskName ?? R.notCalled, text: true },
    { header: R.visits, value: (d) => d.visits, numFmt: NUMBER_FORMAT.count },
    ...waitColumns<(typeof v.byDesk)[number]>(),
    { header: `${R.meanService} (${L.minutesUnit})`, value: (d) => minutes(d.service.meanMs), numFmt: NUMBER_FORMAT.minutes },
    { header: `${R.p90Service} (${L.minutesUnit})`, value: (d) => minutes(d.service.p90Ms), numFmt: NUMBER_FORMAT.minutes },
    ...targetColumns<(typeof v.byDesk)[number]>(),
  ], v.byDesk);
  addFigureSheet(book, L.requestsSheet, [
    ...requestRows(figures),
    { label: R.asOfDay, cell: dayCell(figures.asOf), numFmt: NUMBER_FORMAT.day },
  ]);
  return bookBytes(book);
}
