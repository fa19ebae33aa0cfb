import type { VisitView } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import { VISIT_TRANSITIONS } from '@shared/domain/visit';
import type { HandlerContext } from '../context';
import type { AheadContext } from '../handler-kinds';
import { boundOnce } from '../store/compiled-once';
import { rowsOf } from '../store/sent-ahead';
import { textLiteral } from '../store/portable';
import type { Db } from '../store/store';
import { servingRefusal } from './serving-guard';
import { timelineAtCommit } from './transition';
import { toVisitView } from './visit-view';

/**
 * The oldest waiting visit of the day with the names its view shows, whom this user serves at this
 * desk (S1: one at a time) and this desk's name: one statement, the row claimed (Store.claiming on
 * `v`, which on PostgreSQL reaches into the sub-select). The visit is chosen first, by itself, and
 * only its one row is then looked up: a hall of hundreds waiting is not joined and sorted whole. The
 * serving check reads the partial index visits_serving (a literal state; 0022). Compiled once per
 * shape: a desk, or none (then the visits served at no desk).
 */
function nextWaitingQuery(db: Db, day: string, userId: number, deskId: number | null, atDesk: boolean) {
  return db
    .selectFrom((eb) =>
      eb.selectFrom('visits').selectAll().where('day', '=', day).where('state', '=', 'waiting').orderBy('arrived_at').orderBy('id').limit(1).as('v'),
    )
    .selectAll('v')
    .select((eb) => [
      eb.selectFrom('desks as d').select('d.name').whereRef('d.id', '=', 'v.desk_id').as('desk_name'),
      eb.selectFrom('beneficiaries as b').select('b.full_name').whereRef('b.id', '=', 'v.beneficiary_id').as('beneficiary_name'),
      eb.selectFrom('beneficiaries as b').select('b.mobile').whereRef('b.id', '=', 'v.beneficiary_id').as('beneficiary_mobile'),
      eb.selectFrom('users as r').select('r.full_name').whereRef('r.id', '=', 'v.referred_to').as('referred_to_name'),
      eb
        .selectFrom('visits as sv')
        .select('sv.id')
        .where('sv.day', '=', day)
        .where('sv.state', '=', textLiteral('serving'))
        .where('sv.served_by', '=', userId)
        .where((w) => (atDesk ? w('sv.serving_desk_id', '=', deskId) : w('sv.serving_desk_id', 'is', null)))
        .orderBy('sv.called_at')
        .limit(1)
        .as('serving_now'),
      eb.selectFrom('desks as td').select('td.name').where('td.id', '=', deskId).as('this_desk_name'),
    ]);
}
const nextWaitingAtDesk = boundOnce((db: Db, day: string, userId: number, deskId: number | null) => nextWaitingQuery(db, day, userId, deskId, true));
const nextWaitingAtNoDesk = boundOnce((db: Db, day: string, userId: number, deskId: number | null) => nextWaitingQuery(db, day, userId, deskId, false));

/** The claim of the next waiting visit (Store.claiming on `v`). */
export function claimNext(at: Pick<HandlerContext, 'db' | 'store'>, day: string, userId: number, deskId: number | null) {
  const claim = deskId === null ? nextWaitingAtNoDesk : nextWaitingAtDesk;
  return at.store.claiming(claim(at.db, day, userId, deskId), 'v');
}

/** Call-next's first statement, its claim, sent ahead with BEGIN (withDeskScope): the same callNextVisit builds under the lock. */
export function callNextAhead(at: AheadContext) {
  return at.session.userId === null ? undefined : claimNext(at, businessDay(at.now, at.timeZone), at.session.userId, at.session.deskId);
}

/** The call's change of the claimed row; its version is certain, the row being held since the claim. */
const callRow = boundOnce((db: Db, visitId: number, version: number, newVersion: number, calledAt: string, servedBy: number, deskId: number | null) =>
  db
    .updateTable('visits')
    .set({ state: VISIT_TRANSITIONS.call.to, version: newVersion, called_at: calledAt, served_by: servedBy, serving_desk_id: deskId })
    .where('id', '=', visitId)
    .where('version', '=', version),
);

/**
 * Calls the oldest waiting visitor of the day to this desk, or answers null when nobody waits (calmly,
 * before any confirmation: one to call nobody would be pointless). S1: while this user serves someone
 * at this desk, refused with 'confirm' naming that ticket unless confirmed.
 *
 * The row is claimed with what its view needs, so the call's change, its timeline event, the hall's
 * call and the audit row all go with the commit (Store.atCommit), and the view answered is the claimed
 * one with the call's change: on PostgreSQL the whole call is the claim and the commit while its desk's
 * lock is held. Nothing else can change the claimed row meanwhile (the claim holds it; SQLite's one
 * writer), so the change cannot miss.
 */
export async function callNextVisit(ctx: HandlerContext, alsoWhileServing: boolean | undefined): Promise<VisitView | null> {
  const me = ctx.user!;
  const deskId = ctx.session.deskId;
  const day = businessDay(ctx.now, ctx.timeZone);
  const [claimed] = await rowsOf(ctx, claimNext(ctx, day, me.id, deskId));
  if (!claimed) {
    ctx.unchanged();
    return null;
  }
  const { desk_name, beneficiary_name, beneficiary_mobile, referred_to_name, serving_now, this_desk_name, ...before } = claimed;
  if (serving_now !== null && !alsoWhileServing) throw await servingRefusal(ctx, serving_now);

  const calledAt = ctx.now.toISOString();
  await ctx.store.atCommit(ctx.db, callRow(ctx.db, before.id, before.version, before.version + 1, calledAt, me.id, deskId));
  const to = VISIT_TRANSITIONS.call.to;
  await timelineAtCommit(ctx, before.id, 'call', before.state, to, null);
  const after = toVisitView({
    ...before,
    state: to,
    version: before.version + 1,
    called_at: calledAt,
    served_by: me.id,
    desk_name: desk_name ?? '',
    beneficiary_name,
    beneficiary_mobile,
    served_by_name: me.fullName,
    referred_to_name,
    serving_desk_name: this_desk_name,
  });
  ctx.audit({ entity: 'visit', entityId: before.id, before, after });
  return after;
}
