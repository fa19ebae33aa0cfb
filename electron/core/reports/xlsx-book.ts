import ExcelJS from 'exceljs';
import { printingAr } from '@shared/labels/printing-ar';
import { ar } from '@shared/labels/ar';
import type { FigureRow } from '@shared/labels/report-rows';

/**
 * The report spreadsheets' common parts (docs/architecture.md#adding-a-spreadsheet): right-to-left sheets, a styled header row frozen
 * above the figures with an autofilter, numbers as numbers with their format, days as date cells.
 */
export type CellValue = string | number | Date | null;

export interface SheetColumn<Row> {
  header: string;
  value: (row: Row) => CellValue;
  numFmt?: string;
  /** Text columns are measured from their longest value; others take this width (default 12). */
  width?: number;
  text?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E5F' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB8C4C8' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
// Arabic shows in every office suite in Arial; Calibri, the default, has no Arabic letters.
const FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };

export const NUMBER_FORMAT = {
  count: '#,##0',
  share: '0.0%',
  minutes: '0.0',
  days: '0.0',
  riyal: '#,##0.00',
  day: 'yyyy/mm/dd',
} as const;

/** A business day (YYYY-MM-DD) as a date cell: exceljs writes a Date's UTC calendar day. */
export function dayCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function newBook(creator: string, createdAt: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = creator;
  book.created = new Date(createdAt);
  return book;
}

/** A table on a sheet of its own: the header in row 1, frozen and filterable, then one row per item. */
export function addTableSheet<Row>(book: ExcelJS.Workbook, name: string, columns: SheetColumn<Row>[], rows: readonly Row[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, {
    views: [{ rightToLeft: true, state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { orientation: columns.length > 6 ? 'landscape' : 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((c) => ({
    width: c.text ? textWidth(c, rows) : Math.max(c.width ?? 12, headerFit(c.header)),
    // Right to left inside the cell too: a Hijri day («20 شعبان 1445 هـ») starts with its digits.
    style: { font: FONT, numFmt: c.numFmt, alignment: { vertical: 'top', horizontal: c.text ? 'right' : 'center', wrapText: !!c.text, readingOrder: 'rtl' } },
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => c.value(row) ?? null));
    added.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** Headers wrap onto two lines: their longest word must fit, and half of the whole. */
function headerFit(header: string): number {
  return Math.max(...header.split(' ').map((w) => w.length), Math.ceil(header.length / 2)) + 3;
}

/** One unit per character (Arabic letters join and run narrower than digits, its long letters make up for it). */
function textWidth<Row>(column: SheetColumn<Row>, rows: readonly Row[]): number {
  let longest = 0;
  for (const r of rows) longest = Math.max(longest, String(column.value(r) ?? '').length);
  return Math.min(70, Math.max(headerFit(column.header), longest + 2));
}

const DAY_MS = 86_400_000;

/**
 * A figure as the spreadsheet holds it: a number with its format and unit. Durations in minutes,
 * or in days from a day up (a referral answered in two days, not in 2,880 minutes).
 */
export function figureCell(row: FigureRow): { value: number | null; numFmt: string; unit: string } {
  const P = printingAr.periodReport;
  const round = (n: number) => Math.round(n * 10) / 10;
  switch (row.unit) {
    case 'count':
      return { value: row.value, numFmt: NUMBER_FORMAT.count, unit: '' };
    case 'share':
      return { value: row.value, numFmt: NUMBER_FORMAT.share, unit: '' };
    case 'duration':
      if (row.value !== null && row.value >= DAY_MS) return { value: round(row.value / DAY_MS), numFmt: NUMBER_FORMAT.days, unit: P.daysUnit };
      return { value: row.value === null ? null : round(row.value / 60_000), numFmt: NUMBER_FORMAT.minutes, unit: P.minutesUnit };
    case 'days':
      return { value: row.value, numFmt: NUMBER_FORMAT.days, unit: P.daysUnit };
    case 'riyal':
      return { value: row.value, numFmt: NUMBER_FORMAT.riyal, unit: printingAr.evidence.riyalUnit };
    case 'score':
      return { value: row.value === null ? null : round(row.value), numFmt: NUMBER_FORMAT.days, unit: ar.satisfaction.results.outOf5 };
  }
}

/** A line of a figures sheet: a figure, or a fact about the report (its period, its association). */
export type SheetLine = FigureRow | { label: string; cell: CellValue; numFmt?: string };

/**
 * Figures as a sheet of their own — name, value, share, unit — each value cell with its own number
 * format, since one column holds counts, minutes, days and dates.
 */
export function addFigureSheet(book: ExcelJS.Workbook, name: string, lines: readonly SheetLine[]): ExcelJS.Worksheet {
  const P = printingAr.periodReport;
  const sheet = addTableSheet<SheetLine>(
    book,
    name,
    [
      { header: P.figure, value: (l) => l.label, text: true },
      { header: P.value, value: (l) => ('cell' in l ? l.cell : figureCell(l).value), width: 24 },
      { header: printingAr.evidence.share, value: (l) => ('cell' in l ? null : (l.share ?? null)), numFmt: NUMBER_FORMAT.share, width: 10 },
      { header: P.unit, value: (l) => ('cell' in l ? null : figureCell(l).unit || null), width: 10 },
    ],
    lines,
  );
  lines.forEach((l, i) => {
    const cell = sheet.getRow(i + 2).getCell(2);
    const format = 'cell' in l ? l.numFmt : figureCell(l).numFmt;
    if (format) cell.numFmt = format;
    if ('cell' in l && typeof l.cell === 'string') cell.alignment = { horizontal: 'right', vertical: 'top', wrapText: true, readingOrder: 'rtl' };
  });
  return sheet;
}

export async function bookBytes(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

