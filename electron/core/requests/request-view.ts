import type { AttachmentView, RequestEventView, RequestView } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import { OPEN_REQUEST_STATES, type RequestState } from '@shared/domain/request';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { toBeneficiaryView } from '../beneficiaries/beneficiary-view';
import type { HandlerContext } from '../context';
import { compiledOnce } from '../store/compiled-once';
import type { Db } from '../store/store';
import { checkDocuments, documentBlockers, type CheckedDocument } from './documents-check';
import { selectRequestSummaries, toRequestSummary } from './request-summaries';

/** The day documents are judged on (S2): the submission day once submitted, today before. */
export function documentsAsOf(request: { submission_day: string | null }, ctx: Pick<HandlerContext, 'now' | 'timeZone'>): string {
  return request.submission_day ?? businessDay(ctx.now, ctx.timeZone);
}

// The request page's statements are built and compiled once (bench: "open a request"): Kysely would
// otherwise rebuild each of them on every opening, which costs more than running them.
const requestById = compiledOnce((db: Db, id: number) => db.selectFrom('requests').selectAll().where('id', '=', id));
const summaryById = compiledOnce((db: Db, id: number) => selectRequestSummaries(db).where('r.id', '=', id));
const beneficiaryById = compiledOnce((db: Db, id: number) => db.selectFrom('beneficiaries').selectAll().where('id', '=', id));
const attachmentsOf = compiledOnce((db: Db, id: number) => db.selectFrom('attachments').selectAll().where('request_id', '=', id).orderBy('id'));
const lastSignatureOf = compiledOnce((db: Db, id: number) =>
  db
    .selectFrom('declaration_signatures as s')
    .innerJoin('declaration_versions as v', 'v.id', 's.declaration_version_id')
    .select(['v.version', 's.witness_id', 's.signed_at'])
    .where('s.request_id', '=', id)
    .orderBy('s.id', 'desc')
    .limit(1),
);
const printingsOf = compiledOnce((db: Db, id: number) =>
  db
    .selectFrom('declaration_printings as p')
    .innerJoin('declaration_versions as v', 'v.id', 'p.declaration_version_id')
    .select(['v.version', 'p.printed_at', 'p.printed_by'])
    .where('p.request_id', '=', id)
    .orderBy('p.id'),
);
const eventsOf = compiledOnce((db: Db, id: number) => db.selectFrom('request_events').selectAll().where('request_id', '=', id).orderBy('id'));
const allUserNames = compiledOnce((db: Db) => db.selectFrom('users').select(['id', 'full_name']));

export async function requireRequest(db: Db, requestId: number) {
  const [row] = await requestById(db, requestId);
  if (!row) throw new AppError('not_found', ar.messages.requestNotFound);
  return row;
}

/** What stops this request from going to the committee, in Arabic (empty when it can go), from its checklist as of today. */
export async function submissionBlockers(ctx: HandlerContext, requestId: number, documents: CheckedDocument[]): Promise<string[]> {
  const blockers = documentBlockers(documents);
  const signed = await ctx.db.selectFrom('declaration_signatures').select('id').where('request_id', '=', requestId).executeTakeFirst();
  if (!signed) blockers.push(ar.messages.declarationNotSigned);
  return blockers;
}

export async function loadRequestView(ctx: HandlerContext, requestId: number): Promise<RequestView> {
  const db = ctx.db;
  const r = await requireRequest(db, requestId);
  const today = businessDay(ctx.now, ctx.timeZone);
  const [summaryRow] = await summaryById(db, requestId);
  const [beneficiary] = await beneficiaryById(db, r.beneficiary_id);
  if (!summaryRow || !beneficiary) throw new AppError('not_found', ar.messages.requestNotFound);
  const summary = toRequestSummary(summaryRow, today);
  const names = await userNames(db);

  const attachments = (
    await attachmentsOf(db, requestId)
  ).map((a) => ({ ...toAttachmentView(a, names), documentTypeId: a.document_type_id, purpose: a.purpose }));
  const atDesk = (OPEN_REQUEST_STATES as readonly string[]).includes(r.state);
  const documents = (await checkDocuments(db, r, documentsAsOf(r, ctx)))
    // Once submitted, the checklist is the one the request went with (S2): every document required
    // then was provided, so a required one not provided was added to the catalogue afterwards.
    .filter((d) => atDesk || d.provided || !d.required)
    .map((d) => ({
      ...d,
      attachments: attachments.filter((a) => a.purpose === 'document' && a.documentTypeId === d.documentTypeId).map(stripLink),
    }));

  const [signature] = await lastSignatureOf(db, requestId);
  const printings = await printingsOf(db, requestId);

  const blockers = atDesk
    ? [...documentBlockers(documents), ...(signature ? [] : [ar.messages.declarationNotSigned])]
    : [];

  const events: RequestEventView[] = (
    await eventsOf(db, requestId)
  ).map((e) => ({
    id: e.id,
    at: e.at,
    user: names.get(e.user_id) ?? '',
    action: e.action,
    fromState: e.from_state as RequestState | null,
    toState: e.to_state as RequestState | null,
    note: e.note,
  }));

  const decided = r.decision && r.decided_at && r.decided_by;
  return {
    ...summary,
    serviceTypeId: r.service_type_id,
    visitId: r.visit_id,
    contactId: r.contact_id,
    description: r.description,
    requestedAmount: r.requested_amount,
    beneficiary: toBeneficiaryView(beneficiary),
    documents,
    blockers,
    declaration: signature ? { version: signature.version, witness: names.get(signature.witness_id) ?? '', signedAt: signature.signed_at } : null,
    declarationPrintings: printings.map((p) => ({ version: p.version, printedAt: p.printed_at, printedBy: names.get(p.printed_by) ?? '' })),
    declarationScans: attachments.filter((a) => a.purpose === 'declaration').map(stripLink),
    referralQuestion: r.referral_question,
    decision: decided
      ? {
          outcome: r.decision as 'accepted' | 'rejected',
          reason: r.decision_reason,
          approvedAmount: r.approved_amount,
          aidDescription: r.aid_description,
          decidedAt: r.decided_at!,
          decidedBy: names.get(r.decided_by!) ?? '',
        }
      : null,
    service:
      r.delivered_on && r.delivered_by
        ? { description: r.service_description ?? '', amount: r.service_amount, deliveredOn: r.delivered_on, deliveredBy: names.get(r.delivered_by) ?? '' }
        : null,
    events,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by ? (names.get(r.updated_by) ?? null) : null,
  };
}

async function userNames(db: Db): Promise<Map<number, string>> {
  const rows = await allUserNames(db);
  return new Map(rows.map((u) => [u.id, u.full_name]));
}

export function toAttachmentView(
  a: { id: number; file_name: string; mime_type: string; size: number; sha256: string; uploaded_at: string; uploaded_by: number },
  names: Map<number, string>,
): AttachmentView {
  return {
    id: a.id,
    fileName: a.file_name,
    mimeType: a.mime_type,
    size: a.size,
    sha256: a.sha256,
    uploadedAt: a.uploaded_at,
    uploadedBy: names.get(a.uploaded_by) ?? '',
  };
}

function stripLink<T extends AttachmentView & { documentTypeId: number | null; purpose: string }>(a: T): AttachmentView {
  const { documentTypeId: _d, purpose: _p, ...view } = a;
  return view;
}
