import type { printingOperations } from '@shared/contract/printing';
import { businessDay } from '@shared/dates/calendar';
import type { PdfView } from '@shared/contract/printing';
import { REFERENCE_SHELF } from '@shared/contract/printing';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { loadProfile } from '../beneficiaries/profile';
import { currentDeclaration, listDocumentTypes } from '../catalogue/catalogue-views';
import type { HandlerContext } from '../context';
import type { HandlersOf } from '../handler-kinds';
import { loadRequestView } from '../requests/request-view';
import { readSettings } from '../settings/read-settings';
import { checkedUpload } from '../uploads/checked-uploads';
import { selectVisits, toVisitView } from '../visits/visit-view';
import { registerHead } from './register-input';
import { renderDeclaration } from './declaration';
import { renderComplaintSlip } from './complaint-slip';
import { loadComplaintView } from '../complaints/complaint-view';
import { letterhead } from './letterhead';
import { renderReceipt } from './receipt';
import { readReferencePdf, storeReferencePdf } from './reference-shelf';
import { renderReferencePlaceholder } from './reference-placeholder';
import { blankRequestForm, renderRequestForm } from './request-form';
import { declarationInput, receiptInput, requestFormInput } from './request-print-inputs';
import { renderTicket } from './ticket';

function pdf(bytes: Buffer, fileName: string, title: string): PdfView {
  return pdfView(bytes.toString('base64'), fileName, title);
}

function pdfView(pdfBase64: string, fileName: string, title: string): PdfView {
  return { fileName: fileName.replace(/[^\p{L}\p{N}._-]+/gu, '-'), title, pdfBase64 };
}

function options(ctx: HandlerContext) {
  return { timeZone: ctx.timeZone, fontsDir: ctx.runtime.fontsDir };
}

async function requireVisit(ctx: HandlerContext, visitId: number) {
  const row = await selectVisits(ctx.db).where('v.id', '=', visitId).executeTakeFirst();
  if (!row) throw new AppError('not_found', ar.messages.visitNotFound);
  return toVisitView(row);
}

async function blankForm(ctx: HandlerContext) {
  const settings = await readSettings(ctx.db);
  const names = (await listDocumentTypes(ctx.db, false)).map((d) => d.name);
  return renderRequestForm(blankRequestForm(letterhead(settings), names, ctx.now.toISOString()), options(ctx));
}

export const printingHandlers: HandlersOf<typeof printingOperations> = {
  'documents.ticket': async (input, ctx) => {
    const visit = await requireVisit(ctx, input.visitId);
    const settings = await readSettings(ctx.db);
    const ahead = visit.state === 'waiting'
      ? Number(
          (
            await ctx.db
              .selectFrom('visits')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('day', '=', visit.day)
              .where('state', '=', 'waiting')
              .where('arrived_at', '<', visit.arrivedAt)
              .executeTakeFirstOrThrow()
          ).n,
        )
      : null;
    const bytes = await renderTicket(
      {
        associationName: settings.associationName,
        branch: settings.associationBranch,
        deskName: visit.deskName,
        ticket: visit.ticket,
        reason: visit.reason,
        issuedAt: visit.arrivedAt,
        waitingAhead: ahead,
      },
      options(ctx),
    );
    return pdf(bytes, `ticket-${visit.ticket}.pdf`, `${printingAr.ticket.title} ${visit.ticket}`);
  },

  'documents.ticketPrinted': async (input, ctx) => {
    const before = await ctx.db.selectFrom('visits').select(['id', 'ticket_printed', 'ticket_print_failure']).where('id', '=', input.visitId).executeTakeFirst();
    if (!before) throw new AppError('not_found', ar.messages.visitNotFound);
    const after = { ticket_printed: input.printed ? 1 : 0, ticket_print_failure: input.printed ? null : (input.failure ?? null) };
    await ctx.db.updateTable('visits').set(after).where('id', '=', input.visitId).execute();
    ctx.audit({ entity: 'visit', entityId: input.visitId, before, after });
    return null;
  },

  'documents.requestForm': async (input, ctx) => {
    if (!input.requestId) return pdf(await blankForm(ctx), 'support-request-form-blank.pdf', printingAr.reference.titles.T4);
    const request = await loadRequestView(ctx, input.requestId);
    const profile = await loadProfile(ctx, request.beneficiaryId);
    const settings = await readSettings(ctx.db);
    const bytes = await renderRequestForm(requestFormInput(request, profile, settings, ctx.user!.fullName, ctx.now.toISOString()), options(ctx));
    // The pre-filled form carries the applicant's and the family's full IDs: an export of personal data in full.
    ctx.audit({ entity: 'request', entityId: request.id });
    return pdf(bytes, `request-${request.number}.pdf`, `${printingAr.requestForm.title} ${request.number}`);
  },

  'documents.declaration': async (input, ctx) => {
    const request = await loadRequestView(ctx, input.requestId);
    const settings = await readSettings(ctx.db);
    const declaration = await currentDeclaration(ctx.db);
    // S4: each printing is recorded with the version it printed; printing twice is two printings of one version.
    await ctx.db
      .insertInto('declaration_printings')
      .values({ request_id: request.id, declaration_version_id: declaration.id, printed_at: ctx.now.toISOString(), printed_by: ctx.user!.id })
      .execute();
    ctx.audit({ entity: 'request', entityId: request.id, after: { declarationPrinted: declaration.version } });
    const bytes = await renderDeclaration(
      declarationInput(request, settings, { version: declaration.version, text: declaration.text, createdAt: declaration.created_at }, ctx.user!.fullName, ctx.now.toISOString()),
      options(ctx),
    );
    return pdf(bytes, `declaration-${request.number}-v${declaration.version}.pdf`, `${printingAr.declaration.title} ${request.number}`);
  },

  'documents.receipt': async (input, ctx) => {
    const request = await loadRequestView(ctx, input.requestId);
    if (!request.submittedAt || !request.expectedAnswerDate) throw new AppError('conflict', ar.messages.receiptBeforeSubmission);
    const settings = await readSettings(ctx.db);
    const bytes = await renderReceipt(receiptInput(request, settings, ctx.user!.fullName, ctx.now.toISOString()), options(ctx));
    return pdf(bytes, `receipt-${request.number}.pdf`, `${printingAr.receipt.title} ${request.number}`);
  },

  'documents.complaintSlip': async (input, ctx) => {
    const complaint = await loadComplaintView(ctx.db, input.complaintId, businessDay(ctx.now, ctx.timeZone));
    if (!complaint) throw new AppError('not_found', ar.complaints.notFound);
    const settings = await readSettings(ctx.db);
    const bytes = await renderComplaintSlip(
      {
        header: letterhead(settings),
        complaint: { ...complaint, receivedBy: complaint.receivedByName },
        dueWorkingDays: settings.complaintDueWorkingDays,
        printedAt: ctx.now.toISOString(),
      },
      options(ctx),
    );
    return pdf(bytes, `complaint-${complaint.number.replace(/^\D+/, '')}.pdf`, `${printingAr.complaintSlip.title} ${complaint.number}`);
  },

  'documents.dailyRegister': async (input, ctx) => {
    const day = input.day ?? businessDay(ctx.now, ctx.timeZone);
    const settings = await readSettings(ctx.db);
    let deskName: string | null = null;
    if (input.deskId) {
      const desk = await ctx.db.selectFrom('desks').select('name').where('id', '=', input.deskId).executeTakeFirst();
      if (!desk) throw new AppError('not_found', ar.messages.deskNotFound);
      deskName = desk.name;
    }
    const head = registerHead({
      day,
      deskId: input.deskId ?? null,
      deskName,
      showFullIds: input.showFullIds,
      settings,
      supervisor: ctx.user!.fullName,
      printedAt: ctx.now.toISOString(),
    });
    // A day can hold thousands of visits: read and drawn in a worker, so every desk keeps answering.
    if (!ctx.runtime.jobs) throw new Error('documents.dailyRegister needs the core\'s job runner');
    const { pdfBase64, visits, contacts } = await ctx.runtime.jobs.run('dailyRegister', { head, deskId: input.deskId ?? null, timeZone: ctx.timeZone });
    // Full IDs of a whole day's visitors leave the system on paper: recorded. A masked register (the
    // default) shows four digits of each, no more than the hall's screen does: not recorded.
    if (input.showFullIds) {
      ctx.audit({ entity: null, entityId: null, after: { day, deskId: input.deskId ?? null, showFullIds: true, visits, contacts } });
    }
    return pdfView(pdfBase64, `register-${day}${input.deskId ? `-desk-${input.deskId}` : ''}.pdf`, `${printingAr.register.title} ${day}`);
  },

  'documents.referenceShelf': async (_input, ctx) => {
    const rows = await ctx.db.selectFrom('reference_documents').selectAll().execute();
    return REFERENCE_SHELF.map((shelf) => {
      const row = rows.find((r) => r.shelf === shelf);
      // T4 is generated from the catalogue (the real blank form), the others ship as placeholders.
      return { shelf, title: printingAr.reference.titles[shelf], isPlaceholder: !row && shelf !== 'T4', updatedAt: row?.updated_at ?? null };
    });
  },

  'documents.reference': async (input, ctx) => {
    const title = printingAr.reference.titles[input.shelf];
    const row = await ctx.db.selectFrom('reference_documents').selectAll().where('shelf', '=', input.shelf).executeTakeFirst();
    if (row) return pdf(await readReferencePdf(ctx.runtime.files, ctx.db, row), `${input.shelf}.pdf`, title);
    if (input.shelf === 'T4') return pdf(await blankForm(ctx), 'T4-support-request-form.pdf', title);
    const settings = await readSettings(ctx.db);
    return pdf(await renderReferencePlaceholder(letterhead(settings), title, ctx.now.toISOString(), options(ctx)), `${input.shelf}.pdf`, title);
  },

  'documents.replaceReference': async (input, ctx) => {
    const stored = await storeReferencePdf(ctx.runtime.files, ctx.db, input.shelf, checkedUpload(input));
    const before = await ctx.db.selectFrom('reference_documents').selectAll().where('shelf', '=', input.shelf).executeTakeFirst();
    const values = { stored_name: stored.storedName, sha256: stored.sha256, updated_at: ctx.now.toISOString(), updated_by: ctx.user!.id };
    await ctx.db
      .insertInto('reference_documents')
      .values({ shelf: input.shelf, ...values })
      .onConflict((oc) => oc.column('shelf').doUpdateSet(values))
      .execute();
    ctx.audit({ entity: 'reference', entityId: null, before: before ?? null, after: { shelf: input.shelf, ...values } });
    return { shelf: input.shelf, title: printingAr.reference.titles[input.shelf], isPlaceholder: false, updatedAt: values.updated_at };
  },
};
