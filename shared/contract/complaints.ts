import { z } from 'zod';
import type { Channel } from '../domain/channels';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATES, type ComplaintCategory, type ComplaintState } from '../domain/complaints';
import { STAFF_ROLES } from '../domain/roles';
import { ar } from '../labels/ar';
import { cleanString } from '../text/invisible';
import { mutation, query } from './define';
import { channel, id, isoDate, note, version } from './fields';

/** A complaint or suggestion (P8) as the log shows it. */
export interface ComplaintView {
  id: number;
  /** The acknowledgement number the complainant is given («ش-1448-00012»). */
  number: string;
  channel: Channel;
  category: ComplaintCategory | null;
  text: string;
  state: ComplaintState;
  visitId: number | null;
  /** The visit's ticket, when it came from a visit at the desk. */
  visitTicket: string | null;
  beneficiaryId: number | null;
  beneficiaryName: string | null;
  /** The name a visitor without a file gave at the desk, when it came from their visit. */
  visitorName: string | null;
  /** A logged contact (C2–C8) it came from; the contacts log keeps the rest. */
  contactId: number | null;
  receivedAt: string;
  receivedDay: string;
  receivedByName: string;
  ownerId: number | null;
  ownerName: string | null;
  /** The day the answer is due: received + the setting's working days (Sunday–Thursday). */
  dueDate: string;
  /** Unanswered and past the due date at the desk's today. */
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  version: number;
}

export interface ComplaintPage {
  rows: ComplaintView[];
  /** How many match the filters in all. */
  total: number;
}

export const COMPLAINT_PAGE = 50;

/** Those who follow complaints up: they see the log and move complaints on. */
export const COMPLAINT_FOLLOWERS = ['supervisor', 'admin'] as const;

const text = cleanString().trim().min(1, ar.complaints.textRequired).max(4000);
const onComplaint = ['complaints.', 'board.', 'documents.complaintSlip'] as const;

export const complaintOperations = {
  /**
   * Receives a complaint or suggestion from any channel (P8), with its acknowledgement number and its
   * due date. Any member of staff may receive one; the text is required.
   */
  'complaints.create': mutation<ComplaintView>()({
    input: z.object({
      channel,
      text,
      visitId: id.optional(),
      beneficiaryId: id.optional(),
      contactId: id.optional(),
      category: z.enum(COMPLAINT_CATEGORIES).optional(),
    }),
    access: STAFF_ROLES,
    invalidates: onComplaint,
  }),
  /** The log, the newest first, a page at a time. `number` finds one by its acknowledgement number in any digits. */
  'complaints.list': query<ComplaintPage>()({
    input: z
      .object({
        status: z.enum(COMPLAINT_STATES).optional(),
        overdue: z.boolean().optional(),
        category: z.enum(COMPLAINT_CATEGORIES).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        number: cleanString().trim().max(30).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(COMPLAINT_PAGE),
      })
      .superRefine((v, ctx) => {
        if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: ar.reports.rangeReversed });
      }),
    access: COMPLAINT_FOLLOWERS,
  }),
  /**
   * Moves a complaint on one step (new → in progress → answered), gives it an owner, records the
   * answer. `version` (the one the screen showed) refuses a save made on a stale copy.
   */
  'complaints.update': mutation<ComplaintView>()({
    input: z.object({
      complaintId: id,
      status: z.enum(COMPLAINT_STATES).optional(),
      ownerId: id.nullable().optional(),
      answer: note.optional(),
      category: z.enum(COMPLAINT_CATEGORIES).nullable().optional(),
      version: version.optional(),
    }),
    access: COMPLAINT_FOLLOWERS,
    invalidates: onComplaint,
  }),
  /** Closes an answered complaint; refused while it has no answer. */
  'complaints.close': mutation<ComplaintView>()({
    input: z.object({ complaintId: id }),
    access: COMPLAINT_FOLLOWERS,
    invalidates: onComplaint,
  }),
} as const;
