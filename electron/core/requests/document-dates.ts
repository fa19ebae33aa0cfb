import { AppError, type ErrorIssue } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import type { CheckedDocument } from './documents-check';

/**
 * S2 judges a document's validity on the submission day, so a provided document must carry dates
 * that can be judged: an expiry where its type has one (an empty date used to skip the check), an
 * issue date not after today, and an expiry not before the issue. Every problem is named on its field.
 */
export function refuseUncheckableDates(doc: { issueDate: string | null; expiry: string | null; hasExpiry: boolean }, today: string): void {
  const issues: ErrorIssue[] = [];
  if (doc.issueDate && doc.issueDate > today) issues.push({ path: ['issueDate'], message: ar.messages.issueDateFuture });
  if (doc.hasExpiry && !doc.expiry) issues.push({ path: ['expiryDate'], message: ar.messages.expiryRequired });
  else if (doc.expiry && doc.issueDate && doc.expiry < doc.issueDate) issues.push({ path: ['expiryDate'], message: ar.messages.expiryBeforeIssue });
  if (issues.length > 0) throw new AppError('validation', `${ar.errors.validation} ${issues[0]!.message}`, issues);
}

/**
 * The identity line and the file hold one identity: a new expiry typed on the line (a renewed card)
 * is saved in the file, versioned and audited like any edit of the file, so the file, every open
 * request's line and the printed form agree.
 */
export async function saveFileIdExpiry(ctx: HandlerContext, beneficiaryId: number, expiry: string | null): Promise<void> {
  const before = await ctx.db.selectFrom('beneficiaries').select(['id_expiry', 'version']).where('id', '=', beneficiaryId).executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('beneficiaries')
    .set({ id_expiry: expiry, version: before.version + 1, updated_at: ctx.now.toISOString(), updated_by: ctx.user!.id })
    .where('id', '=', beneficiaryId)
    .execute();
  ctx.audit({ entity: 'beneficiary', entityId: beneficiaryId, before: { idExpiry: before.id_expiry }, after: { idExpiry: expiry } });
}

/**
 * At submission the identity line pre-filled from the file is written down as it stands, so the
 * committee later sees the identity the request went with even if the file is renewed afterwards.
 */
export async function keepIdentityLine(ctx: HandlerContext, requestId: number, documents: CheckedDocument[]): Promise<void> {
  for (const d of documents.filter((x) => x.fromFile)) {
    const values = {
      provided: d.provided ? 1 : 0,
      issue_date: d.issueDate,
      expiry_date: d.expiryDate,
      note: d.note,
      updated_at: ctx.now.toISOString(),
    };
    await ctx.db
      .insertInto('request_documents')
      .values({ request_id: requestId, document_type_id: d.documentTypeId, ...values })
      .onConflict((oc) => oc.columns(['request_id', 'document_type_id']).doUpdateSet(values))
      .execute();
  }
}
