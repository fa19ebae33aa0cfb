import { BOARD_REQUEST_LIST, type BoardView } from '@shared/contract/board';
import { UNANSWERED_COMPLAINT_STATES } from '@shared/domain/complaints';
import type { HandlerContext } from '../context';

/** P8: complaints still unanswered the day after their due date, from the (state, due_date) index. */
export async function overdueComplaints(ctx: Pick<HandlerContext, 'db'>, today: string): Promise<BoardView['complaints']> {
  const overdue = () =>
    ctx.db
      .selectFrom('complaints as c')
      .where('c.state', 'in', [...UNANSWERED_COMPLAINT_STATES])
      .where('c.due_date', '<', today);
  const [count, rows] = await Promise.all([
    overdue().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    overdue()
      .leftJoin('users as o', 'o.id', 'c.owner_id')
      .select(['c.id', 'c.number', 'c.category', 'c.due_date', 'o.full_name as owner_name'])
      .orderBy('c.due_date')
      .orderBy('c.id')
      .limit(BOARD_REQUEST_LIST)
      .execute(),
  ]);
  return {
    overdue: Number(count.n),
    overdueList: rows.map((r) => ({ id: r.id, number: r.number, category: r.category, dueDate: r.due_date, ownerName: r.owner_name })),
  };
}
