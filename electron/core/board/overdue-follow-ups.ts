import { BOARD_REQUEST_LIST, type BoardView } from '@shared/contract/board';
import type { ContactChannel } from '@shared/domain/channels';
import type { HandlerContext } from '../context';

/**
 * Follow-ups of contacts (C2–C8) still open after their due day: how many, and the oldest few by name
 * and owner. A range of the open follow-ups' small partial index, never a pass over the contacts.
 */
export async function overdueFollowUps(ctx: Pick<HandlerContext, 'db'>, day: string): Promise<BoardView['overdueFollowUps']> {
  const open = ctx.db
    .selectFrom('contacts as c')
    .where('c.follow_up_due', 'is not', null)
    .where('c.follow_up_done_at', 'is', null)
    .where('c.follow_up_due', '<', day);
  const [count, rows] = await Promise.all([
    open.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    open
      .leftJoin('beneficiaries as b', 'b.id', 'c.beneficiary_id')
      .innerJoin('users as o', 'o.id', 'c.follow_up_owner')
      .select(['c.id', 'c.channel', 'c.subject', 'c.follow_up_due', 'c.name', 'b.full_name', 'o.full_name as owner'])
      .orderBy('c.follow_up_due')
      .orderBy('c.id')
      .limit(BOARD_REQUEST_LIST)
      .execute(),
  ]);
  return {
    count: Number(count.n),
    list: rows.map((r) => ({
      contactId: r.id,
      channel: r.channel as ContactChannel,
      name: r.full_name ?? r.name ?? '',
      subject: r.subject,
      owner: r.owner,
      due: r.follow_up_due!,
    })),
  };
}
