import { z } from 'zod';
import { CHANNELS, type Channel } from '../domain/channels';
import { VISIT_OUTCOMES, VISIT_REASONS, VISIT_STATES, type VisitOutcome, type VisitReason, type VisitState } from '../domain/visit';
import { ar } from '../labels/ar';
import { query } from './define';
import { id, isoDate } from './fields';

/** A page of the register on screen; a month of a busy hall is about 10,000 rows. */
export const REGISTER_PAGE = 100;
export const REGISTER_PAGE_MAX = 500;
/** The longest range one register covers (a year): longer periods are the period report's. */
export const REGISTER_MAX_DAYS = 366;

/** The register's columns a supervisor can sort by (every column shown). */
export const REGISTER_SORT_COLUMNS = [
  'ticket',
  'arrivedAt',
  'calledAt',
  'endedAt',
  'waited',
  'servedFor',
  'desk',
  'employee',
  'reason',
  'channel',
  'state',
  'outcome',
  'name',
  'fileNumber',
  'requestNumber',
] as const;
export type RegisterSortColumn = (typeof REGISTER_SORT_COLUMNS)[number];

export const REGISTER_FORMATS = ['xlsx', 'csv'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

/**
 * One row of the register: a visit, or a contact on another channel (C2–C8) of the same days, which has
 * no ticket, state, reason, wait or outcome (those are empty), its subject as its note, its time as the
 * arrival, who logged it as the employee.
 */
export interface RegisterRowView {
  kind: 'visit' | 'contact';
  /** The visit's id; null on a contact's row. */
  visitId: number | null;
  /** The contact's id; null on a visit's row. */
  contactId: number | null;
  /** The business day the visit or contact belongs to (the day of its ticket, YYYY-MM-DD). */
  day: string;
  /** Empty on a contact's row. */
  ticket: string;
  state: VisitState | null;
  reason: VisitReason | null;
  channel: Channel;
  /** The beneficiary's name, or the walk-in visitor's. */
  name: string;
  beneficiaryId: number | null;
  /** Masked to its last four digits unless asked for in full; null for a visitor without a file. */
  idNumber: string | null;
  fileNumber: string | null;
  /** Requests opened at this visit. */
  requestNumbers: string[];
  /** UTC ISO instants. */
  arrivedAt: string;
  calledAt: string | null;
  endedAt: string | null;
  /** Arrival to call (or to leaving, never called); null while still waiting. */
  waitedMinutes: number | null;
  /** Call to end; null until the visit has ended after being called. */
  servedMinutes: number | null;
  deskName: string;
  employee: string | null;
  outcome: VisitOutcome | null;
  outcomeNote: string | null;
}

export interface RegisterPage {
  rows: RegisterRowView[];
  /** Every visit and contact (C2–C8) the filters match, over all pages: what the count label names. */
  total: number;
  offset: number;
  limit: number;
}

/** What an export answers: the file, ready to save. */
export interface RegisterFileView {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

const sortSchema = z
  .object({ column: z.enum(REGISTER_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
  .strict()
  .default({ column: 'arrivedAt', direction: 'asc' });

/** Which visits: a day or a range of days (the desk's days), one desk or all, and the screen's filters. */
const filterFields = {
  from: isoDate,
  to: isoDate,
  deskId: id.optional(),
  states: z.array(z.enum(VISIT_STATES)).max(VISIT_STATES.length).optional(),
  reasons: z.array(z.enum(VISIT_REASONS)).max(VISIT_REASONS.length).optional(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  outcomes: z.array(z.enum(VISIT_OUTCOMES)).max(VISIT_OUTCOMES.length).optional(),
  /** Who served the visit. */
  employeeId: id.optional(),
  sort: sortSchema,
  /** IDs in full rather than masked to their last four digits: recorded in the audit trail. */
  showFullIds: z.boolean().default(false),
};

const DAY_MS = 86_400_000;
function checkRange(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: ar.registers.rangeReversed });
  else if ((Date.parse(v.to) - Date.parse(v.from)) / DAY_MS + 1 > REGISTER_MAX_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: ar.registers.rangeTooLong });
  }
}

export type RegisterFilters = z.output<z.ZodObject<typeof filterFields>>;

export const registerOperations = {
  /**
   * السجل اليومي on screen: the visits of a day or a range, one desk or all, filtered by state, reason,
   * channel, outcome and employee, sorted by any column, a page at a time with the count of all.
   * Supervisors and administrators; a listing with full IDs is recorded as a read of personal data.
   */
  'registers.list': query<RegisterPage>()({
    input: z
      .object({
        ...filterFields,
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(REGISTER_PAGE_MAX).default(REGISTER_PAGE),
      })
      .strict()
      .superRefine(checkRange),
    access: ['supervisor', 'admin'],
  }),
  /**
   * The same register as a spreadsheet (XLSX: right to left, dates as dates, a totals sheet) or as CSV
   * (UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting), made in the job worker. Every export is
   * recorded in the audit trail (names leave the system), with whether the IDs were in full.
   */
  'registers.export': query<RegisterFileView>()({
    input: z
      .object({ format: z.enum(REGISTER_FORMATS), ...filterFields })
      .strict()
      .superRefine(checkRange),
    access: ['supervisor', 'admin'],
  }),
} as const;
