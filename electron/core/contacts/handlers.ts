import type { contactOperations } from '@shared/contract/contacts';
import { FOLLOW_UP_OWNER_ROLES, SEES_EVERY_FOLLOW_UP } from '@shared/contract/contacts';
import { businessDay } from '@shared/dates/calendar';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { requireUser } from '../context';
import type { HandlersOf } from '../handler-kinds';
import { listContacts, openFollowUps } from './contact-lists';
import { loadContactView } from './contact-rows';
import { completeFollowUp, logContact } from './log-contact';

export const contactHandlers: HandlersOf<typeof contactOperations> = {
  'contacts.log': logContact,
  'contacts.completeFollowUp': completeFollowUp,
  // Names and subjects only, as the queue shows names: the mobile and the answer come with contacts.get.
  'contacts.list': (input, ctx) => listContacts(ctx, input),
  'contacts.get': async (input, ctx) => {
    const view = await loadContactView(ctx.db, input.contactId, businessDay(ctx.now, ctx.timeZone));
    if (!view) throw new AppError('not_found', ar.contacts.contactNotFound);
    // The person's mobile and what they were told: personal data read in full, recorded.
    ctx.audit({ entity: 'contact', entityId: view.id });
    return view;
  },
  'contacts.owners': async (_input, ctx) =>
    (await ctx.db.selectFrom('users').select(['id', 'full_name', 'role']).where('active', '=', 1).where('role', 'in', [...FOLLOW_UP_OWNER_ROLES]).orderBy('full_name').execute()).map((u) => ({
      id: u.id,
      fullName: u.full_name,
      role: u.role,
    })),
  'contacts.followUps': async (input, ctx) => {
    const user = requireUser(ctx);
    // Roles are the dispatcher's; whose follow-ups one may see is this rule's.
    if (input.everyone && !SEES_EVERY_FOLLOW_UP.includes(user.role)) throw new AppError('forbidden', ar.contacts.everyoneNotAllowed);
    return openFollowUps(ctx, input.everyone ? null : user.id);
  },
};
