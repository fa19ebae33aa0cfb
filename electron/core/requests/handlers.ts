import type { requestOperations } from '@shared/contract/requests';
import { addDays, businessDay } from '@shared/dates/calendar';
import { OPEN_REQUEST_STATES, type RequestState } from '@shared/domain/request';
import { AppError } from '@shared/errors';
import { acceptanceGrantsSomething } from '@shared/contract/requests';
import { ar, fill } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import type { Db } from '../store/store';
import { withReadAhead, type HandlersOf } from '../handler-kinds';
import { readSettings } from '../settings/read-settings';
import { boundOnce } from '../store/compiled-once';
import { rowsOf } from '../store/sent-ahead';
import { textLiteral } from '../store/portable';
import { assignFileNumber } from '../beneficiaries/file-number';
import { requireActiveResearcher } from '../users/require-researcher';
import { checkedUpload } from '../uploads/checked-uploads';
import { displayFileName } from '../uploads/display-name';
import { readAttachment, storeAttachment } from './attachment-store';
import { deliveryVisit } from './delivery-visit';
import { checkDocuments, documentBlockers, linkedIdentity, type ChecklistRequest } from './documents-check';
import { keepIdentityLine, refuseUncheckableDates, saveFileIdExpiry } from './document-dates';
import { assertFreshVersion, moveRequest, recordRequestEvent, updateRequest } from './move-request';
import { listRequests } from './list-requests';
import { openRequest } from './open-request';
import { loadRequestView, requireRequest, submissionBlockers, toAttachmentView } from './request-view';
import { selectRequestSummaries, toRequestSummary } from './request-summaries';

const today = (ctx: HandlerContext) => businessDay(ctx.now, ctx.timeZone);

/** The desk may still edit it (draft / incomplete / complete); anything later is the committee's. */
async function requireOpenRequest(ctx: HandlerContext, requestId: number) {
  const r = await requireRequest(ctx.db, requestId);
  if (!(OPEN_REQUEST_STATES as readonly string[]).includes(r.state)) {
    throw new AppError('conflict', fill(ar.messages.requestNotEditable, { state: ar.requestStates[r.state as RequestState] }));
  }
  return r;
}

/** incomplete ⇄ complete follow the documents checklist as of today (S2). */
async function documentsState(ctx: HandlerContext, request: ChecklistRequest): Promise<RequestState> {
  const docs = await checkDocuments(ctx.db, request, today(ctx));
  return documentBlockers(docs).length === 0 ? 'complete' : 'incomplete';
}

async function audited(ctx: HandlerContext, requestId: number, before: unknown, extra: Record<string, unknown> = {}) {
  const after = await loadRequestView(ctx, requestId);
  ctx.audit({ entity: 'request', entityId: requestId, before, after: { ...after, events: undefined, ...extra } });
  return after;
}

/**
 * Awaiting and overdue, counted on every committee screen's refresh: the literal state lets SQLite
 * count from the partial index requests_awaiting alone.
 */
const committeeCounts = boundOnce((db: Db, overdueBefore: string) =>
  db
    .selectFrom('requests')
    .select((eb) => [eb.fn.countAll<number>().as('awaiting'), eb.fn.countAll<number>().filterWhere('expected_answer_date', '<', overdueBefore).as('overdue')])
    .where('state', '=', textLiteral('submitted')),
);

/** A page of the requests awaiting the committee, the longest waiting first. */
const committeePage = boundOnce((db: Db, limit: number, offset: number) =>
  selectRequestSummaries(db).where('r.state', '=', 'submitted').orderBy('r.submitted_at').orderBy('r.id').limit(limit).offset(offset),
);

export const requestHandlers: HandlersOf<typeof requestOperations> = {
  'requests.get': async (input, ctx) => loadRequestView(ctx, input.requestId),

  'requests.list': listRequests,

  // Both read again on every committee screen after any change anywhere: on PostgreSQL each goes with the call's change mark.
  'requests.committee': withReadAhead(
    (input, at) => [{ query: committeePage(at.db, input.limit, input.offset), arrays: false }],
    async (input, ctx) => {
      const day = today(ctx);
      // A page: ~900 awaiting at ten-year scale cost more than the desk's 2 ms to read whole (bench).
      const rows = await rowsOf(ctx, committeePage(ctx.db, input.limit, input.offset));
      return rows.map((r) => toRequestSummary(r, day));
    },
  ),

  'requests.committeeCounts': withReadAhead(
    (_input, at) => [{ query: committeeCounts(at.db, businessDay(at.now, at.timeZone)), arrays: false }],
    async (_input, ctx) => (await rowsOf(ctx, committeeCounts(ctx.db, today(ctx))))[0]!,
  ),

  'requests.referrals': async (_input, ctx) => {
    const me = ctx.user!;
    let q = selectRequestSummaries(ctx.db).where('r.referral_open', '=', 1).orderBy('r.opened_at');
    if (me.role === 'researcher') q = q.where((eb) => eb.or([eb('r.referred_to', 'is', null), eb('r.referred_to', '=', me.id)]));
    const day = today(ctx);
    return (await q.execute()).map((r) => toRequestSummary(r, day));
  },

  'requests.open': openRequest,

  'requests.saveDraft': async (input, ctx) => {
    const before = await requireOpenRequest(ctx, input.requestId);
    await assertFreshVersion(ctx, before, input.version);
    const serviceTypeId = input.serviceTypeId ?? before.service_type_id;
    if (serviceTypeId !== before.service_type_id) {
      const service = await ctx.db.selectFrom('service_types').select('id').where('id', '=', serviceTypeId).where('active', '=', 1).executeTakeFirst();
      if (!service) throw new AppError('validation', ar.messages.serviceNotFound, [{ path: ['serviceTypeId'], message: ar.messages.serviceNotFound }]);
    }
    const changes = {
      service_type_id: serviceTypeId,
      description: input.description === undefined ? before.description : input.description || null,
      requested_amount: input.requestedAmount === undefined ? before.requested_amount : input.requestedAmount,
    };
    const state = before.state === 'draft' ? 'draft' : await documentsState(ctx, { ...before, service_type_id: serviceTypeId });
    await updateRequest(ctx, before, { ...changes, state });
    if (state !== before.state) await recordRequestEvent(ctx, before.id, 'documents', null, before.state as RequestState, state);
    return audited(ctx, before.id, before);
  },

  'requests.setDocument': async (input, ctx) => {
    const before = await requireOpenRequest(ctx, input.requestId);
    const type = await ctx.db.selectFrom('document_types').select(['id', 'name', 'has_expiry']).where('id', '=', input.documentTypeId).executeTakeFirst();
    if (!type) throw new AppError('not_found', ar.messages.documentNotOnRequest);
    const line = await ctx.db
      .selectFrom('request_documents')
      .select(['provided', 'issue_date', 'expiry_date', 'note', 'version', 'updated_at', 'updated_by'])
      .where('request_id', '=', before.id)
      .where('document_type_id', '=', type.id)
      .executeTakeFirst();
    // Another desk saved this line since this screen read it: refused, naming who and when, nothing overwritten.
    await assertFreshVersion(ctx, line ?? { version: 0, updated_by: null, updated_at: ctx.now.toISOString() }, input.version);
    const identity = await linkedIdentity(ctx.db, before.beneficiary_id);
    const linked = identity?.documentTypeId === type.id ? identity : null;
    // The identity line's expiry is the file's unless a new one is typed here (pre-filled, S2).
    const expiry = type.has_expiry ? (input.expiryDate ?? linked?.expiry ?? null) : null;
    if (input.provided) refuseUncheckableDates({ issueDate: input.issueDate, expiry, hasExpiry: !!type.has_expiry }, today(ctx));
    const values = {
      provided: input.provided ? 1 : 0,
      issue_date: input.provided ? input.issueDate : null,
      expiry_date: input.provided ? expiry : null,
      note: input.note || null,
      updated_at: ctx.now.toISOString(),
      updated_by: ctx.user!.id,
      version: (line?.version ?? 0) + 1,
    };
    await ctx.db
      .insertInto('request_documents')
      .values({ request_id: before.id, document_type_id: type.id, ...values })
      .onConflict((oc) => oc.columns(['request_id', 'document_type_id']).doUpdateSet(values))
      .execute();
    if (linked && input.provided && expiry !== linked.expiry) await saveFileIdExpiry(ctx, before.beneficiary_id, expiry);
    const state = await documentsState(ctx, before);
    await updateRequest(ctx, before, { state });
    if (state !== before.state) await recordRequestEvent(ctx, before.id, 'documents', null, before.state as RequestState, state);
    // The line itself on both sides, named by its document, so the audit trail shows which one changed and how.
    const lineView = (l: { provided: number; issue_date: string | null; expiry_date: string | null; note: string | null }) => ({
      name: type.name,
      provided: !!l.provided,
      issueDate: l.issue_date,
      expiryDate: l.expiry_date,
      note: l.note,
    });
    return audited(ctx, before.id, { ...before, document: line ? [lineView(line)] : [] }, { document: [lineView(values)] });
  },

  'requests.attach': async (input, ctx) => {
    const request = await requireRequest(ctx.db, input.requestId);
    if (input.documentTypeId) {
      const type = await ctx.db.selectFrom('document_types').select('id').where('id', '=', input.documentTypeId).executeTakeFirst();
      if (!type) throw new AppError('not_found', ar.messages.documentNotOnRequest);
    }
    const checked = checkedUpload(input);
    const fileName = displayFileName(input.fileName, checked.kind);
    const file = await storeAttachment(ctx.runtime.files, ctx.db, request.id, checked);
    const row = await ctx.db
      .insertInto('attachments')
      .values({
        request_id: request.id,
        document_type_id: input.purpose === 'document' ? (input.documentTypeId ?? null) : null,
        purpose: input.purpose,
        file_name: fileName,
        stored_name: file.storedName,
        mime_type: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        uploaded_at: ctx.now.toISOString(),
        uploaded_by: ctx.user!.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordRequestEvent(ctx, request.id, 'attach', fileName);
    const view = toAttachmentView(row, new Map([[ctx.user!.id, ctx.user!.fullName]]));
    ctx.audit({ entity: 'attachment', entityId: row.id, after: view });
    return view;
  },

  'requests.attachment': async (input, ctx) => {
    const row = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', input.attachmentId).executeTakeFirst();
    if (!row) throw new AppError('not_found', ar.errors.not_found);
    const uploader = await ctx.db.selectFrom('users').select('full_name').where('id', '=', row.uploaded_by).executeTakeFirst();
    const bytes = await readAttachment(ctx.runtime.files, ctx.db, row);
    // A scan of an identity card, a bank statement…: personal data in full, its reading recorded.
    ctx.audit({ entity: 'attachment', entityId: row.id, after: { fileName: row.file_name, requestId: row.request_id } });
    return { ...toAttachmentView(row, new Map([[row.uploaded_by, uploader?.full_name ?? '']])), dataBase64: bytes.toString('base64') };
  },

  'requests.signDeclaration': async (input, ctx) => {
    const before = await requireOpenRequest(ctx, input.requestId);
    const declaration = await ctx.db.selectFrom('declaration_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('declaration_signatures')
      .values({ request_id: before.id, declaration_version_id: declaration.id, witness_id: ctx.user!.id, signed_at: ctx.now.toISOString() })
      .execute();
    await updateRequest(ctx, before, {});
    await recordRequestEvent(ctx, before.id, 'declaration', `v${declaration.version}`);
    return audited(ctx, before.id, before);
  },

  'requests.refer': async (input, ctx) => {
    const before = await requireRequest(ctx.db, input.requestId);
    await requireActiveResearcher(ctx.db, input.researcherId);
    await updateRequest(ctx, before, { referred_to: input.researcherId ?? null, referral_question: input.question, referral_open: 1 });
    await recordRequestEvent(ctx, before.id, 'refer', input.question);
    return audited(ctx, before.id, before);
  },

  'requests.addNote': async (input, ctx) => {
    const before = await requireRequest(ctx.db, input.requestId);
    const me = ctx.user!;
    // S3: a referral addressed to one researcher is answered by that researcher (or a supervisor).
    if (input.answersReferral && me.role === 'researcher' && before.referred_to !== null && before.referred_to !== me.id) {
      throw new AppError('forbidden', ar.messages.notYourReferral);
    }
    const closesReferral = input.answersReferral && !!before.referral_open;
    await updateRequest(ctx, before, closesReferral ? { referral_open: 0 } : {});
    await recordRequestEvent(ctx, before.id, 'note', input.note);
    if (closesReferral) await recordRequestEvent(ctx, before.id, 'referral_answered', ar.messages.referralAnswered);
    return audited(ctx, before.id, before);
  },

  'requests.submit': async (input, ctx) => {
    const request = await requireRequest(ctx.db, input.requestId);
    const day = today(ctx);
    if ((OPEN_REQUEST_STATES as readonly string[]).includes(request.state)) {
      const documents = await checkDocuments(ctx.db, request, day);
      const blockers = await submissionBlockers(ctx, request.id, documents);
      if (blockers.length > 0) {
        throw new AppError(
          'validation',
          fill(ar.messages.cannotSubmit, { reasons: blockers.join(' ') }),
          blockers.map((message) => ({ path: ['documents'], message })),
        );
      }
      await keepIdentityLine(ctx, request.id, documents);
    }
    const { committeePeriodDays } = await readSettings(ctx.db);
    // A complete checklist moves the request to `complete` first, so a request checked today can go today.
    const completedNow = request.state === 'draft' || request.state === 'incomplete';
    if (completedNow) {
      await updateRequest(ctx, request, { state: 'complete' });
      await recordRequestEvent(ctx, request.id, 'documents', null, request.state, 'complete');
    }
    return moveRequest(ctx, completedNow ? request.id : request, 'submit', {
      submitted_at: ctx.now.toISOString(),
      submission_day: day,
      expected_answer_date: addDays(day, committeePeriodDays),
    });
  },

  'requests.decide': async (input, ctx) =>
    moveRequest(
      ctx,
      input.requestId,
      input.outcome === 'accepted' ? 'accept' : 'reject',
      {
        decision: input.outcome,
        decided_at: ctx.now.toISOString(),
        decided_by: ctx.user!.id,
        decision_reason: input.reason,
        approved_amount: input.outcome === 'accepted' ? (input.approvedAmount ?? null) : null,
        aid_description: input.outcome === 'accepted' ? input.aidDescription : null,
      },
      input.reason,
    ),

  'requests.correctDecision': async (input, ctx) => {
    const before = await requireRequest(ctx.db, input.requestId);
    if (!before.decision) {
      throw new AppError('conflict', fill(ar.messages.requestWrongState, { action: ar.requestActions.decision_corrected, state: ar.requestStates[before.state as RequestState] }));
    }
    // A corrected rejection keeps a reason and gets no amount or aid, as requests.decide requires.
    const rejected = before.decision === 'rejected';
    const reason = input.reason === undefined ? before.decision_reason : input.reason || null;
    if (rejected && !reason) {
      throw new AppError('validation', ar.messages.rejectionReasonRequired, [{ path: ['reason'], message: ar.messages.rejectionReasonRequired }]);
    }
    const approvedAmount = rejected ? null : input.approvedAmount === undefined ? before.approved_amount : input.approvedAmount;
    const aidDescription = rejected ? null : input.aidDescription === undefined ? before.aid_description : input.aidDescription || null;
    // A corrected acceptance still grants something, as requests.decide requires (S5).
    if (!rejected && !acceptanceGrantsSomething(approvedAmount, aidDescription)) {
      throw new AppError('validation', ar.messages.acceptanceNeedsAid, [{ path: ['approvedAmount'], message: ar.messages.acceptanceNeedsAid }]);
    }
    await updateRequest(ctx, before, { decision_reason: reason, approved_amount: approvedAmount, aid_description: aidDescription });
    await recordRequestEvent(ctx, before.id, 'decision_corrected', input.correctionReason);
    return audited(ctx, before.id, before);
  },

  'requests.register': async (input, ctx) => {
    const request = await requireRequest(ctx.db, input.requestId);
    const fileNumber = request.state === 'accepted' ? await assignFileNumber(ctx, request.beneficiary_id) : null;
    return moveRequest(ctx, request.id, 'register', { registered_at: ctx.now.toISOString() }, fileNumber);
  },

  'requests.deliver': async (input, ctx) => {
    // S7 records what was given: a delivery cannot be dated in the future.
    if (input.deliveredOn > today(ctx)) {
      throw new AppError('validation', ar.messages.deliveryInFuture, [{ path: ['deliveredOn'], message: ar.messages.deliveryInFuture }]);
    }
    const request = await requireRequest(ctx.db, input.requestId);
    return moveRequest(
      ctx,
      input.requestId,
      'deliver',
      {
        service_description: input.description,
        service_amount: input.amount ?? null,
        delivered_on: input.deliveredOn,
        delivered_by: ctx.user!.id,
        // P6: the desk's satisfaction kiosk asks after it (satisfaction/pending.ts).
        delivered_at: ctx.now.toISOString(),
        // A delivery dated an earlier day is a record of a past handover: nobody to ask at the kiosk now.
        delivered_visit_id: input.deliveredOn === today(ctx) ? await deliveryVisit(ctx, request.beneficiary_id) : null,
      },
      input.description,
    );
  },

  'requests.close': async (input, ctx) => moveRequest(ctx, input.requestId, 'close', { closed_at: ctx.now.toISOString() }, input.note || null),
};
