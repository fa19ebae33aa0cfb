import { z } from 'zod';
import { AUDIT_KINDS, type AuditKind, type RefusalReason } from '../domain/audit';
import { ar } from '../labels/ar';
import { query } from './define';
import { id, isoDate } from './fields';

/** The audit screen reads a page at a time: the table holds years of every desk's work. */
export const AUDIT_PAGE = 50;
export const AUDIT_PAGE_MAX = 200;

/** One field of a row's before/after, named and shown in Arabic; national IDs masked unless asked. */
export interface AuditFieldView {
  /** The field's Arabic name, with the record it sits in for a nested one («أفراد الأسرة › سارة › الاسم»). */
  field: string;
  /** As shown; null: empty or not there. */
  before: string | null;
  after: string | null;
}

export interface AuditRowView {
  id: number;
  at: string;
  kind: AuditKind;
  /** Why a refused call was refused. */
  reason: RefusalReason | null;
  operation: string;
  user: { id: number; fullName: string } | null;
  desk: { id: number; name: string } | null;
  /** What the row is about (a visit, a request, a user…) and its number. */
  entity: string | null;
  entityId: number | null;
  /** The record's own name where it has one: a user's name, a request's number, a visit's ticket, a scan's file name. */
  subject: string | null;
  /** The beneficiary whose file, request, visit or scan it concerns. */
  beneficiary: { id: number; fullName: string; fileNumber: string | null } | null;
  /** A change: the fields that changed (or were set, for a new record); a read: what was read. */
  fields: AuditFieldView[];
  /** A change to a record that was there before (its fields have a before), not a new one. */
  hasBefore: boolean;
}

export interface AuditPage {
  rows: AuditRowView[];
  /** Where the next (older) page starts; null: this is the oldest. */
  next: { at: string; id: number } | null;
}

export const auditOperations = {
  /**
   * The audit trail, newest first, a page at a time (`olderThan`: the `next` of the page before),
   * filtered by days (from–to, the desk's days), user, operation, beneficiary and kind. Read-only, for
   * administrators and supervisors. National IDs in before/after are masked unless `showFullIds`
   * (that listing is itself recorded as a read of personal data in full).
   */
  'audit.list': query<AuditPage>()({
    input: z
      .object({
        from: isoDate.optional(),
        to: isoDate.optional(),
        userId: id.optional(),
        operation: z.string().regex(/^[a-z]+\.[a-zA-Z]+$/, ar.audit.operationUnknown).optional(),
        beneficiaryId: id.optional(),
        kind: z.enum(AUDIT_KINDS).optional(),
        olderThan: z.object({ at: z.string().max(40), id }).strict().optional(),
        limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE),
        showFullIds: z.boolean().default(false),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: ar.audit.rangeReversed });
      }),
    access: ['supervisor', 'admin'],
  }),
} as const;
