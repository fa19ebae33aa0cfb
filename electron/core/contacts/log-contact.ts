import type { ContactView, ParsedInputOf } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import { AppError } from '@shared/errors';
import { FOLLOW_UP_OWNER_ROLES } from '@shared/contract/contacts';
import { ar, fill } from '@shared/labels/ar';
import { requireUser, type HandlerContext } from '../context';
import { loadContactView } from './contact-rows';

/** A contact as the audit trail keeps it: what is stored, not what is worked out from today (the follow-up's state). */
function recorded(view: ContactView) {
  return { ...view, followUp: view.followUp && { ...view.followUp, state: undefined } };
}

const refuse = (path: string, message: string) => new AppError('validation', message, [{ path: [path], message }]);

/**
 * A contact on a channel C2–C8 (P4, P5). It writes a contact and nothing else: no visit, no ticket, no
 * place in the hall's queue (walk-in check-in is for people in the hall).
 */
export async function logContact(input: ParsedInputOf<'contacts.log'>, ctx: HandlerContext): Promise<ContactView> {
  const user = requireUser(ctx);
  const today = businessDay(ctx.now, ctx.timeZone);
  if (input.clientKey) {
    // A double press or a retry after a lost answer: the first contact, not a second.
    const same = await ctx.db.selectFrom('contacts').select('id').where('client_key', '=', input.clientKey).executeTakeFirst();
    if (same) {
      ctx.unchanged();
      return (await loadContactView(ctx.db, same.id, today))!;
    }
  }
  if (input.beneficiaryId) {
    const b = await ctx.db.selectFrom('beneficiaries').select('id').where('id', '=', input.beneficiaryId).executeTakeFirst();
    if (!b) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
  }
  if (input.followUpDue && input.followUpOwnerId) {
    if (input.followUpDue < today) throw refuse('followUpDue', ar.contacts.dueInPast);
    const owner = await ctx.db.selectFrom('users').select(['id', 'active', 'role']).where('id', '=', input.followUpOwnerId).executeTakeFirst();
    if (!owner || !owner.active || !FOLLOW_UP_OWNER_ROLES.includes(owner.role)) throw refuse('followUpOwnerId', ar.contacts.ownerNotFound);
  }
  const withFile = !!input.beneficiaryId;
  const { id } = await ctx.db
    .insertInto('contacts')
    .values({
      day: today,
      logged_at: ctx.now.toISOString(),
      desk_id: ctx.session.deskId,
      channel: input.channel,
      beneficiary_id: input.beneficiaryId ?? null,
      // With a file, the file's name and mobile are the person's: nothing typed is kept beside them.
      name: withFile ? null : input.name!,
      mobile: withFile ? null : input.mobile,
      subject: input.subject,
      answer: input.answer,
      logged_by: user.id,
      follow_up_due: input.followUpDue ?? null,
      follow_up_owner: input.followUpDue ? input.followUpOwnerId! : null,
      follow_up_done_at: null,
      follow_up_done_by: null,
      follow_up_note: null,
      client_key: input.clientKey ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const view = (await loadContactView(ctx.db, id, today))!;
  ctx.audit({ entity: 'contact', entityId: id, after: recorded(view) });
  return view;
}

/** A follow-up closed with what was done: by its owner, or a supervisor or administrator. */
export async function completeFollowUp(input: ParsedInputOf<'contacts.completeFollowUp'>, ctx: HandlerContext): Promise<ContactView> {
  const user = requireUser(ctx);
  const today = businessDay(ctx.now, ctx.timeZone);
  const before = await loadContactView(ctx.db, input.contactId, today);
  if (!before) throw new AppError('not_found', ar.contacts.contactNotFound);
  const followUp = before.followUp;
  if (!followUp) throw new AppError('validation', ar.contacts.noFollowUp);
  if (followUp.doneAt) throw new AppError('conflict', fill(ar.contacts.followUpDoneBy, { by: followUp.doneBy ?? '' }));
  if (followUp.owner.id !== user.id && user.role !== 'supervisor' && user.role !== 'admin') {
    throw new AppError('forbidden', fill(ar.contacts.notYourFollowUp, { owner: followUp.owner.fullName }));
  }
  if (before.version !== input.version) throw new AppError('conflict', ar.contacts.followUpChanged);
  await ctx.db
    .updateTable('contacts')
    .set({ follow_up_done_at: ctx.now.toISOString(), follow_up_done_by: user.id, follow_up_note: input.note, version: before.version + 1 })
    .where('id', '=', input.contactId)
    .execute();
  const after = (await loadContactView(ctx.db, input.contactId, today))!;
  ctx.audit({ entity: 'contact', entityId: input.contactId, before: recorded(before), after: recorded(after) });
  return after;
}
