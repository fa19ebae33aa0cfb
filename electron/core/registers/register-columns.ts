import type { RegisterRowView } from '@shared/contract/registers';
import { formatHijriNumeric } from '@shared/dates/hijri';
import { CHANNELS } from '@shared/domain/channels';
import { VISIT_OUTCOMES, VISIT_REASONS, VISIT_STATES } from '@shared/domain/visit';
import { ar } from '@shared/labels/ar';

/** What a column holds, which decides how each file writes it. */
export type ColumnKind = 'text' | 'day' | 'instant' | 'minutes';


export interface ExportColumn {
  key: keyof typeof ar.registers.columns;
  kind: ColumnKind;
  /** Identifiers (tickets, IDs, file and request numbers) read left to right inside the right-to-left sheet. */
  ltr?: boolean;
  /** Free text that may run long: wrapped in a column of bounded width. */
  wraps?: boolean;
  /** text: the text; day: YYYY-MM-DD; instant: a UTC ISO instant; minutes: a number. */
  value(v: RegisterRowView): string | number | null;
  /** The longest text the column may hold, in characters (its header aside). */
  longest(data: LongestTexts): number;
}

/** The longest names, desks, employees and notes of the rows to be written (register-query longestTexts). */
export interface LongestTexts {
  name: number;
  desk: number;
  employee: number;
  note: number;
}

const c = ar.registers.columns;
const longestOf = (labels: Record<string, string>, codes: readonly string[]) => Math.max(...codes.map((k) => labels[k]!.length));

// The days of a year at most: each converted once.
const hijriDays = new Map<string, string>();
function hijriDay(day: string): string {
  let text = hijriDays.get(day);
  if (text === undefined) hijriDays.set(day, (text = formatHijriNumeric(day)));
  return text;
}

/** The register's columns in the order the supervisors read them, right to left. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'ticket', kind: 'text', ltr: true, value: (v) => v.ticket, longest: () => 7 },
  { key: 'day', kind: 'day', value: (v) => v.day, longest: () => 10 },
  { key: 'hijriDay', kind: 'text', ltr: true, value: (v) => hijriDay(v.day), longest: () => 10 },
  { key: 'arrivedAt', kind: 'instant', value: (v) => v.arrivedAt, longest: () => 16 },
  { key: 'calledAt', kind: 'instant', value: (v) => v.calledAt, longest: () => 16 },
  { key: 'endedAt', kind: 'instant', value: (v) => v.endedAt, longest: () => 16 },
  { key: 'waited', kind: 'minutes', value: (v) => v.waitedMinutes, longest: () => 6 },
  { key: 'servedFor', kind: 'minutes', value: (v) => v.servedMinutes, longest: () => 6 },
  { key: 'desk', kind: 'text', value: (v) => v.deskName, longest: (d) => d.desk },
  { key: 'employee', kind: 'text', value: (v) => v.employee, longest: (d) => d.employee },
  { key: 'reason', kind: 'text', value: (v) => (v.reason ? ar.reasons[v.reason] : null), longest: () => longestOf(ar.reasons, VISIT_REASONS) },
  { key: 'channel', kind: 'text', value: (v) => ar.channels[v.channel], longest: () => longestOf(ar.channels, CHANNELS) },
  { key: 'state', kind: 'text', value: (v) => (v.state ? ar.visitStates[v.state] : ar.contacts.kind), longest: () => longestOf(ar.visitStates, VISIT_STATES) },
  { key: 'outcome', kind: 'text', value: (v) => (v.outcome ? ar.outcomes[v.outcome] : null), longest: () => longestOf(ar.outcomes, VISIT_OUTCOMES) },
  { key: 'outcomeNote', kind: 'text', wraps: true, value: (v) => v.outcomeNote, longest: (d) => d.note },
  { key: 'name', kind: 'text', value: (v) => v.name, longest: (d) => d.name },
  { key: 'idNumber', kind: 'text', ltr: true, value: (v) => v.idNumber, longest: () => 10 },
  { key: 'fileNumber', kind: 'text', ltr: true, value: (v) => v.fileNumber, longest: () => 8 },
  { key: 'requestNumber', kind: 'text', ltr: true, value: (v) => (v.requestNumbers.length ? v.requestNumbers.join('، ') : null), longest: () => 10 },
];

export const columnHeader = (column: ExportColumn): string => c[column.key];
