import { z } from 'zod';
import { DESK_ROLES } from '../domain/roles';
import { ar } from '../labels/ar';
import { mutation, query } from './define';
import { channel, clientKey, id, note, optionalMobile, visitOutcome, visitReason } from './fields';
import type { QueueView, VisitView } from './views';
import { cleanString } from '../text/invisible';
import { COMPLAINT_CATEGORIES } from '../domain/complaints';

const desk = DESK_ROLES;
// The search results show today's ticket and its state beside each person.
const onVisit = ['visits.', 'beneficiaries.search', 'settings.revision'] as const;
/** S1: the receptionist confirmed calling another visitor while still serving one. */
const alsoWhileServing = z.boolean().optional();

/**
 * A finished visit; for a complaint visit (P8) also the complaint its finish recorded in the same
 * transaction, whose acknowledgement number the receptionist reads out.
 */
export type FinishedVisitView = VisitView & { complaint: { id: number; number: string; dueDate: string } | null };

export const visitOperations = {
  /** Today's hall (S1): every visit of the business day with its state. */
  'visits.queue': query<QueueView>()({
    input: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
    access: 'signed-in',
  }),
  'visits.get': query<VisitView>()({ input: z.object({ visitId: id }), access: 'signed-in' }),
  /** Referrals waiting for, or being served by, a social researcher (S3). */
  'visits.referrals': query<VisitView[]>()({ input: z.object({}).strict(), access: 'signed-in' }),
  /** Issues a ticket. Either a beneficiary with a file, or a visitor without one (name and mobile). */
  'visits.checkIn': mutation<VisitView>()({
    input: z
      .object({
        beneficiaryId: id.optional(),
        visitorName: cleanString().trim().max(120).optional(),
        visitorMobile: optionalMobile,
        reason: visitReason,
        channel: channel.default('interview'),
        /** The same key twice (a double click, a retry) returns the first ticket instead of a second. */
        clientKey,
        /**
         * The receptionist confirmed a second ticket for a beneficiary who already has one today;
         * without it such a check-in is refused with code 'confirm' naming that ticket.
         */
        again: z.boolean().optional(),
      })
      .superRefine((v, ctx) => {
        if (!v.beneficiaryId && (!v.visitorName || v.visitorName.trim().split(/\s+/).length < 2)) {
          ctx.addIssue({
            code: 'custom',
            path: ['visitorName'],
            message: v.visitorName ? ar.messages.fullNameTooShort : ar.messages.visitorNameOrFile,
          });
        }
      }),
    access: desk,
    invalidates: onVisit,
  }),
  /**
   * The oldest waiting visitor to this desk; null when nobody waits. Two desks never get the same one.
   * Refused with code 'confirm' while this user already serves someone at this desk, unless confirmed.
   */
  'visits.callNext': mutation<VisitView | null>()({
    input: z.object({ alsoWhileServing }).strict(),
    access: desk,
    invalidates: onVisit,
  }),
  'visits.call': mutation<VisitView>()({ input: z.object({ visitId: id, alsoWhileServing }), access: desk, invalidates: onVisit }),
  'visits.refer': mutation<VisitView>()({
    input: z.object({
      visitId: id,
      researcherId: id.optional(),
      note: note.min(3, ar.messages.referNoteRequired),
    }),
    access: desk,
    invalidates: onVisit,
  }),
  'visits.take': mutation<VisitView>()({
    input: z.object({ visitId: id }),
    access: ['researcher', 'supervisor', 'admin'],
    invalidates: onVisit,
  }),
  /**
   * Ends a visit with its outcome. What the visit was for decides what it must record: an inquiry its
   * question and answer, a complaint or suggestion its text (`outcomeNote`).
   */
  'visits.finish': mutation<FinishedVisitView>()({
    input: z.object({
      visitId: id,
      outcome: visitOutcome,
      outcomeNote: note.optional(),
      inquiry: note.optional(),
      answer: note.optional(),
      /** P8: a complaint visit's category, for the complaint its finish records. */
      complaintCategory: z.enum(COMPLAINT_CATEGORIES).optional(),
    }),
    access: ['receptionist', 'researcher', 'supervisor', 'admin'],
    invalidates: [...onVisit, 'complaints.', 'board.'],
  }),
  'visits.markLeft': mutation<VisitView>()({
    input: z.object({ visitId: id, note: note.optional() }),
    access: ['receptionist', 'researcher', 'supervisor', 'admin'],
    invalidates: onVisit,
  }),
  'visits.cancel': mutation<VisitView>()({
    input: z.object({ visitId: id, note: note.optional() }),
    access: desk,
    invalidates: onVisit,
  }),
} as const;
