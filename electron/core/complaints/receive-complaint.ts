import type { ComplaintView } from '@shared/contract/complaints';
import { businessDay } from '@shared/dates/calendar';
import { toHijri } from '@shared/dates/hijri';
import { addWorkingDays } from '@shared/dates/working-days';
import type { Channel } from '@shared/domain/channels';
import type { ComplaintCategory } from '@shared/domain/complaints';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { complaintNumber, COMPLAINT_NUMBER_LETTER } from '@shared/text/complaint-numbers';
import type { HandlerContext } from '../context';
import { readSettings } from '../settings/read-settings';
import { auditedComplaint } from './audited-complaint';
import { loadComplaintView } from './complaint-view';

export interface ReceivedComplaint {
  channel: Channel;
  text: string;
  visitId?: number | null;
  beneficiaryId?: number | null;
  contactId?: number | null;
  category?: ComplaintCategory | null;
}

/**
 * «ش-1448-00012»: the next of the Hijri year of the desk's day. Read inside the write transaction,
 * which holds the store's write lock (Store.write), so two desks never take the same one; the unique
 * index is the last guard.
 */
async function nextComplaintNumber(ctx: HandlerContext, day: string): Promise<string> {
  const year = toHijri(day).year;
  const prefix = `${COMPLAINT_NUMBER_LETTER}-${year}-`;
  // A range seek on the unique index; five digits keep text order = number order within the year.
  const last = await ctx.db
    .selectFrom('complaints')
    .select('number')
    .where('number', '>=', prefix)
    .where('number', '<', `${COMPLAINT_NUMBER_LETTER}-${year}.`)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return complaintNumber(year, last ? Number(last.number.slice(prefix.length)) + 1 : 1);
}

/**
 * Records a complaint or suggestion (P8) received through any channel, with its acknowledgement number
 * and the day its answer is due, and audits it. A visit it came from gives its beneficiary; a beneficiary
 * named besides must be the visit's own.
 */
export async function receiveComplaint(ctx: HandlerContext, input: ReceivedComplaint): Promise<ComplaintView> {
  const text = input.text.trim();
  if (!text) throw new AppError('validation', ar.complaints.textRequired, [{ path: ['text'], message: ar.complaints.textRequired }]);
  let beneficiaryId = input.beneficiaryId ?? null;
  if (input.visitId) {
    const visit = await ctx.db.selectFrom('visits').select(['id', 'beneficiary_id']).where('id', '=', input.visitId).executeTakeFirst();
    if (!visit) throw new AppError('not_found', ar.messages.visitNotFound);
    if (beneficiaryId !== null && visit.beneficiary_id !== null && visit.beneficiary_id !== beneficiaryId) {
      throw new AppError('validation', ar.complaints.visitOtherPerson, [{ path: ['visitId'], message: ar.complaints.visitOtherPerson }]);
    }
    beneficiaryId ??= visit.beneficiary_id;
  }
  if (beneficiaryId !== null) {
    const found = await ctx.db.selectFrom('beneficiaries').select('id').where('id', '=', beneficiaryId).executeTakeFirst();
    if (!found) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
  }
  if (input.contactId) {
    // The foreign key (0020) is the last guard; this says it in Arabic, next to the field.
    const found = await ctx.db.selectFrom('contacts').select('id').where('id', '=', input.contactId).executeTakeFirst();
    if (!found) throw new AppError('not_found', ar.contacts.contactNotFound, [{ path: ['contactId'], message: ar.contacts.contactNotFound }]);
  }
  const day = businessDay(ctx.now, ctx.timeZone);
  const { complaintDueWorkingDays } = await readSettings(ctx.db, ['complaintDueWorkingDays']);
  const at = ctx.now.toISOString();
  const { id } = await ctx.db
    .insertInto('complaints')
    .values({
      number: await nextComplaintNumber(ctx, day),
      channel: input.channel,
      category: input.category ?? null,
      text,
      state: 'new',
      visit_id: input.visitId ?? null,
      beneficiary_id: beneficiaryId,
      contact_id: input.contactId ?? null,
      received_at: at,
      received_day: day,
      received_by: ctx.user!.id,
      owner_id: null,
      due_date: addWorkingDays(day, complaintDueWorkingDays),
      answer: null,
      answered_at: null,
      answered_day: null,
      closed_at: null,
      updated_at: at,
      updated_by: ctx.user!.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const view = (await loadComplaintView(ctx.db, id, day))!;
  ctx.audit({ entity: 'complaint', entityId: id, after: auditedComplaint(view) });
  return view;
}
