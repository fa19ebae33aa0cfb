import type { ContactPage, ContactSummary, ParsedInputOf } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import type { FollowUpState } from '@shared/domain/contact';
import type { HandlerContext } from '../context';
import { selectContacts, toContactSummary } from './contact-rows';

type Selected = ReturnType<typeof selectContacts>;

/** Where a follow-up stands on `today`, as a condition (the same reading as followUpStateOf). */
function whereFollowUp(query: Selected, states: readonly FollowUpState[], today: string): Selected {
  return query.where((eb) =>
    eb.or(
      states.map((state) => {
        const open = eb.and([eb('c.follow_up_due', 'is not', null), eb('c.follow_up_done_at', 'is', null)]);
        switch (state) {
          case 'none':
            return eb('c.follow_up_due', 'is', null);
          case 'done':
            return eb('c.follow_up_done_at', 'is not', null);
          case 'overdue':
            return eb.and([open, eb('c.follow_up_due', '<', today)]);
          case 'due':
            return eb.and([open, eb('c.follow_up_due', '=', today)]);
          case 'open':
            return eb.and([open, eb('c.follow_up_due', '>', today)]);
        }
      }),
    ),
  );
}

/** A day or a range of days, newest first, by channel and follow-up, a page at a time. */
export async function listContacts(ctx: HandlerContext, input: ParsedInputOf<'contacts.list'>): Promise<ContactPage> {
  const today = businessDay(ctx.now, ctx.timeZone);
  let query = selectContacts(ctx.db).where('c.day', '>=', input.from).where('c.day', '<=', input.to);
  if (input.channels?.length) query = query.where('c.channel', 'in', input.channels);
  if (input.followUp?.length) query = whereFollowUp(query, input.followUp, today);
  const [rows, count] = await Promise.all([
    query.orderBy('c.logged_at', 'desc').orderBy('c.id', 'desc').offset(input.offset).limit(input.limit).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => toContactSummary(r, today)), total: Number(count.n), offset: input.offset, limit: input.limit };
}

/** Open follow-ups due today or earlier, the oldest due first: one owner's, or everyone's (ownerId null). */
export async function openFollowUps(ctx: Pick<HandlerContext, 'db' | 'now' | 'timeZone'>, ownerId: number | null, limit = 200): Promise<ContactSummary[]> {
  const today = businessDay(ctx.now, ctx.timeZone);
  let query = selectContacts(ctx.db)
    .where('c.follow_up_due', 'is not', null)
    .where('c.follow_up_done_at', 'is', null)
    .where('c.follow_up_due', '<=', today);
  if (ownerId !== null) query = query.where('c.follow_up_owner', '=', ownerId);
  const rows = await query.orderBy('c.follow_up_due').orderBy('c.logged_at').limit(limit).execute();
  return rows.map((r) => toContactSummary(r, today));
}
