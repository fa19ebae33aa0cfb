import type { ParsedInputOf, RequestView } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import { toHijri } from '@shared/dates/hijri';
import { AppError } from '@shared/errors';
import type { Channel } from '@shared/domain/channels';
import { ar, fill } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import { recordRequestEvent } from './move-request';
import { loadRequestView } from './request-view';

/** "1448-00042": the Hijri year of the desk's day and a sequence within it. */
async function nextRequestNumber(ctx: HandlerContext): Promise<string> {
  const year = toHijri(businessDay(ctx.now, ctx.timeZone)).year;
  // A range seek on the unique index (LIKE would scan it: 19 ms at 300k requests). Five digits keep
  // text order = number order up to 99,999 requests a year (a busy association opens ~40,000).
  const last = await ctx.db
    .selectFrom('requests')
    .select('number')
    .where('number', '>=', `${year}-`)
    .where('number', '<', `${year}.`)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = last ? Number(last.number.slice(String(year).length + 1)) + 1 : 1;
  return `${year}-${String(seq).padStart(5, '0')}`;
}

/**
 * The request's channel: the contact's it was opened from (C2–C8, P5), or the one given. A contact of
 * another beneficiary, or a channel other than the contact's, is refused.
 */
async function channelOf(input: ParsedInputOf<'requests.open'>, ctx: HandlerContext): Promise<Channel> {
  if (!input.contactId) return input.channel!;
  const contact = await ctx.db.selectFrom('contacts').select(['channel', 'beneficiary_id']).where('id', '=', input.contactId).executeTakeFirst();
  if (!contact) throw new AppError('not_found', ar.contacts.contactNotFound);
  // A person logged by name may have been given a file since: the contact is theirs, whoever they are now.
  if (contact.beneficiary_id !== null && contact.beneficiary_id !== input.beneficiaryId) {
    throw new AppError('validation', ar.contacts.contactOfAnother, [{ path: ['contactId'], message: ar.contacts.contactOfAnother }]);
  }
  if (input.channel && input.channel !== contact.channel) {
    const message = fill(ar.contacts.requestChannelDiffers, { channel: ar.channels[contact.channel] });
    throw new AppError('validation', message, [{ path: ['channel'], message }]);
  }
  return contact.channel;
}

/** Opens a request in `draft` with its service's documents checklist, all missing until checked (S2). */
export async function openRequest(input: ParsedInputOf<'requests.open'>, ctx: HandlerContext): Promise<RequestView> {
  const beneficiary = await ctx.db.selectFrom('beneficiaries').select('id').where('id', '=', input.beneficiaryId).executeTakeFirst();
  if (!beneficiary) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
  const service = await ctx.db
    .selectFrom('service_types')
    .select('id')
    .where('id', '=', input.serviceTypeId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!service) throw new AppError('validation', ar.messages.serviceNotFound, [{ path: ['serviceTypeId'], message: ar.messages.serviceNotFound }]);
  if (input.visitId) {
    const visit = await ctx.db.selectFrom('visits').select(['id', 'beneficiary_id']).where('id', '=', input.visitId).executeTakeFirst();
    // A request is linked only to a visit of the same person (or of a visitor not yet on file).
    const otherPerson = visit?.beneficiary_id != null && visit.beneficiary_id !== input.beneficiaryId;
    if (!visit || otherPerson) throw new AppError('not_found', ar.messages.visitNotFound);
  }
  const channel = await channelOf(input, ctx);
  const at = ctx.now.toISOString();
  const { id } = await ctx.db
    .insertInto('requests')
    .values({
      number: await nextRequestNumber(ctx),
      beneficiary_id: input.beneficiaryId,
      service_type_id: input.serviceTypeId,
      channel,
      contact_id: input.contactId ?? null,
      visit_id: input.visitId ?? null,
      state: 'draft',
      description: input.description || null,
      requested_amount: input.requestedAmount ?? null,
      opened_at: at,
      opened_by: ctx.user!.id,
      submitted_at: null,
      submission_day: null,
      expected_answer_date: null,
      referred_to: null,
      referral_question: null,
      decision: null,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      approved_amount: null,
      aid_description: null,
      registered_at: null,
      service_description: null,
      service_amount: null,
      delivered_on: null,
      delivered_by: null,
      closed_at: null,
      updated_at: at,
      updated_by: ctx.user!.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordRequestEvent(ctx, id, 'open', null, null, 'draft');
  const view = await loadRequestView(ctx, id);
  ctx.audit({ entity: 'request', entityId: id, after: { ...view, events: undefined } });
  return view;
}
