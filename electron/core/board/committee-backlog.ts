import { BOARD_REQUEST_LIST, type BoardRequest, type BoardView } from '@shared/contract/board';
import type { HandlerContext } from '../context';
import { compiledOnce } from '../store/compiled-once';
import { textLiteral } from '../store/portable';
import type { Db } from '../store/store';

const DAY_MS = 86_400_000;

// S5: every statement names the state as a literal, so SQLite reads the awaiting requests from the
// small partial index requests_awaiting (state, expected_answer_date) alone, in date order.
const counts = compiledOnce((db: Db, today: string) =>
  db
    .selectFrom('requests')
    .select((eb) => [eb.fn.countAll<number>().as('awaiting'), eb.fn.countAll<number>().filterWhere('expected_answer_date', '<', today).as('overdue')])
    .where('state', '=', textLiteral('submitted')),
);

function awaitingList(db: Db) {
  return db
    .selectFrom('requests as r')
    .innerJoin('beneficiaries as b', 'b.id', 'r.beneficiary_id')
    .innerJoin('service_types as s', 's.id', 'r.service_type_id')
    .select(['r.id', 'r.number', 'b.full_name', 's.name as service_name', 'r.submission_day', 'r.expected_answer_date'])
    .where('r.state', '=', textLiteral('submitted'))
    .orderBy('r.expected_answer_date')
    .orderBy('r.id')
    .limit(BOARD_REQUEST_LIST);
}
/** Past the expected answer date: the day after it onwards (answered on the date itself is in time). */
const overdueList = compiledOnce((db: Db, today: string) => awaitingList(db).where('r.expected_answer_date', '<', today));
const dueList = compiledOnce((db: Db, today: string) => awaitingList(db).where('r.expected_answer_date', '>=', today));

/** The committee's backlog (S5): how many requests await a decision, how many are overdue, and the first of each. */
export async function committeeBacklog(ctx: Pick<HandlerContext, 'db'>, today: string): Promise<BoardView['committee']> {
  const [[n], overdue, due] = await Promise.all([counts(ctx.db, today), overdueList(ctx.db, today), dueList(ctx.db, today)]);
  const view = (r: (typeof overdue)[number]): BoardRequest => ({
    id: r.id,
    number: r.number,
    beneficiaryName: r.full_name,
    serviceName: r.service_name,
    submissionDay: r.submission_day,
    expectedAnswerDate: r.expected_answer_date,
    daysLate: r.expected_answer_date && r.expected_answer_date < today ? Math.round((Date.parse(today) - Date.parse(r.expected_answer_date)) / DAY_MS) : 0,
  });
  return { awaiting: Number(n?.awaiting ?? 0), overdue: Number(n?.overdue ?? 0), overdueList: overdue.map(view), dueList: due.map(view) };
}
