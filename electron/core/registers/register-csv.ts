import type { RegisterRowView } from '@shared/contract/registers';
import { columnHeader, EXPORT_COLUMNS, type ExportColumn } from './register-columns';
import { wallClockOf } from './wall-clock';

/** Excel reads a UTF-8 file as the system's code page unless it starts with the byte-order mark. */
const BOM = '\uFEFF';
const CRLF = '\r\n';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A typed text that a spreadsheet would take for a formula (= + - @, or a tab or carriage return
 * before one) is written after an apostrophe, so opening the file never runs what someone typed as a
 * name or a note.
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The register as CSV: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting, the same
 * columns as the spreadsheet; times in the association's zone as «YYYY-MM-DD HH:MM», minutes as
 * numbers with a decimal point.
 */
export async function writeRegisterCsv(rows: AsyncIterable<RegisterRowView>, timeZone: string): Promise<{ bytes: Buffer; visits: number }> {
  const wallClock = wallClockOf(timeZone);
  const field = (column: ExportColumn, v: RegisterRowView): string => {
    const value = column.value(v);
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    if (column.kind === 'instant') return wallClock(value).toISOString().slice(0, 16).replace('T', ' ');
    return csvField(column.kind === 'text' ? inert(value) : value);
  };
  const lines: string[] = [BOM + EXPORT_COLUMNS.map((column) => csvField(columnHeader(column))).join(',')];
  let visits = 0;
  for await (const v of rows) {
    visits++;
    lines.push(EXPORT_COLUMNS.map((column) => field(column, v)).join(','));
  }
  return { bytes: Buffer.from(lines.join(CRLF) + CRLF, 'utf8'), visits };
}
