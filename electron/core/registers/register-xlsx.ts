import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RegisterRowView } from '@shared/contract/registers';
import { formatGregorian, formatHijri } from '@shared/dates/calendar';
import { CHANNELS, CONTACT_CHANNELS } from '@shared/domain/channels';
import { VISIT_OUTCOMES, VISIT_REASONS, VISIT_STATES } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';
import { columnHeader, EXPORT_COLUMNS, type ColumnKind, type ExportColumn, type LongestTexts } from './register-columns';
import { totalsCounter, type RegisterTotals } from './register-totals';
import { dayCell, wallClockOf } from './wall-clock';

/** What an exported register says about itself besides its rows. */
export interface RegisterFileHead {
  from: string;
  to: string;
  /** null: all desks. */
  deskName: string | null;
  showFullIds: boolean;
  /** UTC ISO instant. */
  generatedAt: string;
  generatedBy: string;
  timeZone: string;
}

const S = ar.registers.sheet;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F5F5B' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EFEC' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB7C4C1' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
// Arabic shows in every office suite in Arial; Calibri, the default, has no Arabic letters.
const FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };

const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  day: 'yyyy/mm/dd',
  instant: 'yyyy/mm/dd hh:mm',
  minutes: '0.0',
};

/**
 * Excel measures a column in widths of the digit zero. Joined Arabic letters run narrower than digits
 * (LibreOffice and Excel draw a four-part name in about three quarters of its length in zeros);
 * digits and Latin letters take one each. A margin leaves room for the autofilter's button.
 */
function widthOf(column: ExportColumn, longest: LongestTexts): number {
  const header = columnHeader(column);
  // Headers wrap onto two lines: their longest word must fit, and half of the whole.
  const headerFit = Math.max(...header.split(' ').map((w) => w.length), Math.ceil(header.length / 2));
  const text = column.longest(longest);
  const data = column.kind === 'text' && !column.ltr ? Math.ceil(text * ARABIC_WIDTH) : text;
  return Math.min(column.wraps ? WRAPPED_WIDTH : 60, Math.max(headerFit + 3, data + 2));
}

const ARABIC_WIDTH = 0.8;
/** A long note wraps in a column this wide rather than stretching the sheet. */
const WRAPPED_WIDTH = 40;

/** Points per line of a 10-point font. */
const LINE_HEIGHT = 13;

/** The lines a text takes when wrapped in a column of this width (each paragraph on its own). */
function linesOf(value: string | number | null, width: number): number {
  if (typeof value !== 'string') return 1;
  const perLine = Math.max(1, Math.floor((width - 1) / ARABIC_WIDTH));
  return value.split('\n').reduce((n, paragraph) => n + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

/** How a column's cells sit: identifiers left to right, Arabic right to left (a quote or a colon then ends where it should). */
function alignmentOf(column: ExportColumn): Partial<ExcelJS.Alignment> {
  if (column.kind !== 'text') return { vertical: 'top', horizontal: 'center' };
  return { vertical: 'top', horizontal: 'right', readingOrder: column.ltr ? 'ltr' : 'rtl', wrapText: column.wraps ?? false };
}

/**
 * The register as a real spreadsheet (XLSX), written as its rows come (exceljs's streaming writer:
 * a year of visits is never held whole): the sheet right to left, the header row styled, frozen and
 * with an autofilter, dates and times as date cells in the association's zone with the Hijri day
 * beside as text, waits and service times as numbers of minutes; then a totals sheet.
 */
export async function writeRegisterXlsx(
  head: RegisterFileHead,
  rows: AsyncIterable<RegisterRowView>,
  longest: LongestTexts,
): Promise<{ bytes: Buffer; visits: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  book.creator = head.generatedBy;
  book.created = new Date(head.generatedAt);
  const wallClock = wallClockOf(head.timeZone);

  const sheet = book.addWorksheet(S.register, {
    views: [{ rightToLeft: true, state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  // One style object per column, shared by its cells: exceljs looks a style up by the object first
  // and only serialises one it has not seen (a fresh object per cell cost seconds a month).
  const styles: Partial<ExcelJS.Style>[] = EXPORT_COLUMNS.map((column) => ({ font: FONT, numFmt: FORMATS[column.kind], alignment: alignmentOf(column) }));
  sheet.columns = EXPORT_COLUMNS.map((column, i) => ({ key: column.key, width: widthOf(column, longest), style: styles[i] }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const header = sheet.addRow(EXPORT_COLUMNS.map(columnHeader));
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true, readingOrder: 'rtl' };
  });
  header.commit();

  const counter = totalsCounter();
  const cellOf = (column: ExportColumn, v: RegisterRowView): ExcelJS.CellValue => {
    const value = column.value(v);
    if (value === null) return null;
    if (column.kind === 'day') return dayCell(value as string);
    if (column.kind === 'instant') return wallClock(value as string);
    return value;
  };
  const wrapped = EXPORT_COLUMNS.flatMap((column, i) => (column.wraps ? [{ column, width: sheet.getColumn(i + 1).width ?? WRAPPED_WIDTH }] : []));
  for await (const v of rows) {
    counter.count(v);
    const row = sheet.addRow(EXPORT_COLUMNS.map((column) => cellOf(column, v)));
    row.eachCell((cell, n) => (cell.style = styles[n - 1]!));
    // Office suites keep a row one line high unless told: a wrapped note gets the lines it needs.
    const lines = Math.max(1, ...wrapped.map(({ column, width }) => linesOf(column.value(v), width)));
    if (lines > 1) row.height = LINE_HEIGHT * lines;
    row.commit();
  }
  sheet.commit();

  const totals = counter.totals();
  writeTotals(book, head, totals, wallClock);
  await book.commit();
  return { bytes: Buffer.concat(chunks), visits: totals.visits + totals.contacts };
}

function writeTotals(book: ExcelJS.stream.xlsx.WorkbookWriter, head: RegisterFileHead, totals: RegisterTotals, wallClock: (iso: string) => Date) {
  const sheet = book.addWorksheet(S.totals, {
    views: [{ rightToLeft: true }],
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { key: 'label', width: 36, style: { font: FONT, alignment: { horizontal: 'right' } } },
    { key: 'value', width: 32, style: { font: FONT, alignment: { horizontal: 'right', readingOrder: 'rtl' } } },
  ];
  const add = (label: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const row = sheet.addRow([label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.commit();
  };
  const title = sheet.addRow([S.title]);
  title.getCell(1).font = { ...FONT, size: 14, bold: true };
  title.height = 24;
  title.commit();
  if (head.from === head.to) add(S.day, bothCalendars(head.from));
  else {
    add(ar.registers.from, bothCalendars(head.from));
    add(ar.registers.to, bothCalendars(head.to));
  }
  add(S.scope, head.deskName ?? ar.printing.allDesks);
  add(S.ids, head.showFullIds ? S.idsShown : S.idsMasked);
  add(S.generated, wallClock(head.generatedAt), 'yyyy/mm/dd hh:mm');
  add(S.generatedBy, head.generatedBy);
  sheet.addRow([]).commit();

  add(S.visits, totals.visits);
  add(S.contacts, totals.contacts);
  add(S.waitedCount, totals.waited);
  add(S.averageWait, totals.averageWait, '0.0');
  add(S.p90Wait, totals.p90Wait, '0.0');
  add(S.averageService, totals.averageService, '0.0');

  const group = (name: string, entries: [string, number][]) => {
    sheet.addRow([]).commit();
    const top = sheet.addRow([name, S.count]);
    top.eachCell((cell) => {
      cell.font = { ...FONT, bold: true };
      cell.fill = GROUP_FILL;
      cell.border = BORDER;
    });
    top.commit();
    for (const [label, count] of entries) {
      const row = sheet.addRow([label, count]);
      row.eachCell((cell) => (cell.border = BORDER));
      row.commit();
    }
  };
  group(S.byReason, VISIT_REASONS.map((r) => [ar.reasons[r], totals.byReason[r]]));
  group(S.byChannel, CHANNELS.map((c) => [ar.channels[c], totals.byChannel[c]]));
  group(S.byDesk, [...totals.byDesk].sort(([a], [b]) => a.localeCompare(b, 'ar')));
  group(S.byOutcome, [...VISIT_OUTCOMES.map((o): [string, number] => [ar.outcomes[o], totals.byOutcome[o]]), [S.noOutcome, totals.byOutcome.none]]);
  group(S.byState, VISIT_STATES.map((s) => [ar.visitStates[s], totals.byState[s]]));
  group(S.contactsByChannel, CONTACT_CHANNELS.map((c) => [ar.channels[c], totals.contactsByChannel[c]]));
  sheet.commit();
}

/** A day as the desk writes it: Hijri, then Gregorian (text: a reader of the totals reads it, no one sorts it). */
function bothCalendars(day: string): string {
  return `${formatHijri(day)} — ${formatGregorian(day)}`;
}
