import { z } from 'zod';
import { REQUEST_STATES } from '../domain/request';
import { ar } from '../labels/ar';
import { cleanString } from '../text/invisible';
import { mutation, query } from './define';
import { amount, channel, id, isoDate, note, optionalIsoDate, version } from './fields';
import { ATTACHMENT_MAX_BYTES, base64File } from './uploads';
import type { AttachmentView, CommitteeCounts, RequestSummary, RequestView } from './views';

const DESK = ['receptionist', 'supervisor', 'admin'] as const;
const COMMITTEE = ['supervisor', 'admin'] as const;
const STAFF = ['receptionist', 'researcher', 'supervisor', 'admin'] as const;
const onRequest = ['requests.', 'beneficiaries.profile', 'settings.revision'] as const;

/** Attachments: scans of documents and of the signed declaration. Checked by content, not by name. */
export const ATTACHMENT_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** The committee's list comes a page at a time: its first page is what the committee opens. */
export const COMMITTEE_PAGE = 100;
export const COMMITTEE_PAGE_MAX = 500;
export { ATTACHMENT_MAX_BYTES };

/** An acceptance grants money (above zero) or a described aid; one with neither grants nothing (S5). */
export function acceptanceGrantsSomething(approvedAmount: number | null | undefined, aidDescription: string | null | undefined): boolean {
  return (approvedAmount ?? 0) > 0 || !!aidDescription?.trim();
}

export const requestOperations = {
  'requests.get': query<RequestView>()({ input: z.object({ requestId: id }), access: 'signed-in' }),
  /**
   * Requests by state or person; `number` finds one by its printed number (the receipt's QR code), in
   * any digits, leading zeros or not; `text` is what the desk's search box takes (P2): a request
   * number, or the person by file number, ID, mobile or name — their requests.
   */
  'requests.list': query<RequestSummary[]>()({
    input: z.object({
      states: z.array(z.enum(REQUEST_STATES)).optional(),
      beneficiaryId: id.optional(),
      number: cleanString().trim().max(30).optional(),
      text: cleanString().trim().max(120).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: 'signed-in',
  }),
  /**
   * The research committee's list: submitted and undecided, oldest first, overdue ones flagged (S5),
   * a page at a time (COMMITTEE_PAGE by default); requests.committeeCounts says how many there are.
   */
  'requests.committee': query<RequestSummary[]>()({
    input: z
      .object({
        offset: z.number({ error: ar.messages.listPage }).int(ar.messages.listPage).min(0, ar.messages.listPage).default(0),
        limit: z.number({ error: ar.messages.listPage }).int(ar.messages.listPage).min(1, ar.messages.listPage).max(COMMITTEE_PAGE_MAX, ar.messages.listPage).default(COMMITTEE_PAGE),
      })
      .strict(),
    access: 'signed-in',
  }),
  /** How many requests await the committee, and how many of those are past their expected answer date (S5). */
  'requests.committeeCounts': query<CommitteeCounts>()({ input: z.object({}).strict(), access: 'signed-in' }),
  /** Requests referred to a social researcher with a question (S3). */
  'requests.referrals': query<RequestSummary[]>()({ input: z.object({}).strict(), access: 'signed-in' }),

  /** Opens a request for a beneficiary, from a visit at the desk or from any channel (C1–C8, P4, P5). */
  /**
   * From a contact (`contactId`, C2–C8) the request keeps that contact's channel: `channel` may then be
   * left out, and one that differs is refused.
   */
  'requests.open': mutation<RequestView>()({
    input: z
      .object({
        beneficiaryId: id,
        serviceTypeId: id,
        channel: channel.optional(),
        visitId: id.optional(),
        contactId: id.optional(),
        description: note.optional(),
        requestedAmount: amount.optional(),
      })
      .superRefine((v, ctx) => {
        if (!v.channel && !v.contactId) ctx.addIssue({ code: 'custom', path: ['channel'], message: ar.contacts.requestChannelRequired });
      }),
    access: DESK,
    invalidates: [...onRequest, 'contacts.get'],
  }),
  /** Saved as typed: the request's own fields, refused when someone else saved since `version`. */
  'requests.saveDraft': mutation<RequestView>()({
    input: z.object({
      requestId: id,
      version,
      serviceTypeId: id.optional(),
      description: note.optional(),
      requestedAmount: amount.nullable().optional(),
    }),
    access: DESK,
    invalidates: onRequest,
  }),
  /**
   * One line of the documents checklist (S2): provided or not, with its dates. A provided document
   * whose type has an expiry needs its expiry date (the core refuses it without, and an issue date
   * after today). The identity line is the file's identity: its expiry comes from the file and a new
   * one typed here is saved in the file. `version` is the line's as the screen saw it (0 for a line
   * never set): refused when someone else saved that line since. Other lines do not count, so two
   * desks can work one request's checklist side by side.
   */
  'requests.setDocument': mutation<RequestView>()({
    input: z
      .object({
        requestId: id,
        documentTypeId: id,
        version,
        provided: z.boolean(),
        issueDate: optionalIsoDate,
        expiryDate: optionalIsoDate,
        note: note.optional(),
      })
      .superRefine((v, ctx) => {
        if (v.issueDate && v.expiryDate && v.expiryDate < v.issueDate) {
          ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: ar.messages.expiryBeforeIssue });
        }
      }),
    access: DESK,
    invalidates: onRequest,
  }),
  /**
   * A scan (PDF, PNG or JPEG up to 10 MB), kept in the data folder with its SHA-256; for a document or
   * the signed declaration. The core opens what the bytes claim to be and keeps a cleaned file name.
   */
  'requests.attach': mutation<AttachmentView>()({
    input: z.object({
      requestId: id,
      documentTypeId: id.optional(),
      purpose: z.enum(['document', 'declaration']),
      fileName: cleanString().trim().min(1).max(200),
      dataBase64: base64File(ATTACHMENT_MAX_BYTES, ar.messages.attachmentTooLarge),
    }),
    access: DESK,
    invalidates: onRequest,
  }),
  'requests.attachment': query<AttachmentView & { dataBase64: string }>()({ input: z.object({ attachmentId: id }), access: 'signed-in' }),
  /** S4: the applicant signed the current declaration text in front of this employee (the witness). */
  'requests.signDeclaration': mutation<RequestView>()({ input: z.object({ requestId: id }), access: DESK, invalidates: onRequest }),
  /** S3: hand the request to a social researcher with a question. */
  'requests.refer': mutation<RequestView>()({
    input: z.object({ requestId: id, researcherId: id.optional(), question: note.min(3, ar.messages.referNoteRequired) }),
    access: DESK,
    invalidates: onRequest,
  }),
  /** A study note on the request's timeline (researchers' findings, answers to a referral). */
  'requests.addNote': mutation<RequestView>()({
    input: z.object({ requestId: id, note: note.min(2, ar.messages.required), answersReferral: z.boolean().default(false) }),
    access: STAFF,
    invalidates: onRequest,
  }),
  /** S5: to the research committee; every required document present and valid today, the declaration signed. */
  'requests.submit': mutation<RequestView>()({ input: z.object({ requestId: id }), access: DESK, invalidates: onRequest }),
  /**
   * The committee's decision, chosen deliberately (no default): a rejection needs its reason, an
   * acceptance an approved amount above zero or a description of the aid (S5).
   */
  'requests.decide': mutation<RequestView>()({
    input: z
      .object({
        requestId: id,
        outcome: z.enum(['accepted', 'rejected'], { error: ar.messages.decisionOutcomeRequired }),
        reason: note.optional().transform((v) => v || null),
        approvedAmount: amount.optional(),
        aidDescription: note.optional().transform((v) => v || null),
      })
      .superRefine((v, ctx) => {
        if (v.outcome === 'rejected' && !v.reason) {
          ctx.addIssue({ code: 'custom', path: ['reason'], message: ar.messages.rejectionReasonRequired });
        }
        if (v.outcome === 'accepted' && !acceptanceGrantsSomething(v.approvedAmount, v.aidDescription)) {
          ctx.addIssue({ code: 'custom', path: ['approvedAmount'], message: ar.messages.acceptanceNeedsAid });
        }
      }),
    access: COMMITTEE,
    invalidates: onRequest,
  }),
  /** A decision is never edited silently: a correction of its details is its own audited event with a reason. */
  'requests.correctDecision': mutation<RequestView>()({
    input: z.object({
      requestId: id,
      correctionReason: note.min(3, ar.messages.correctionReasonRequired),
      reason: note.optional(),
      approvedAmount: amount.nullable().optional(),
      aidDescription: note.optional(),
    }),
    access: COMMITTEE,
    invalidates: onRequest,
  }),
  /** S6: registration; the beneficiary gets a file number if they have none. */
  'requests.register': mutation<RequestView>()({ input: z.object({ requestId: id }), access: DESK, invalidates: [...onRequest, 'beneficiaries.'] }),
  /** S7: the service delivered — what, when, by whom. */
  'requests.deliver': mutation<RequestView>()({
    input: z.object({
      requestId: id,
      description: note.min(3, ar.messages.serviceDescriptionRequired),
      amount: amount.optional(),
      deliveredOn: isoDate,
    }),
    access: DESK,
    invalidates: onRequest,
  }),
  'requests.close': mutation<RequestView>()({ input: z.object({ requestId: id, note: note.optional() }), access: DESK, invalidates: onRequest }),
} as const;
