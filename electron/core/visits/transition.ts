import type { VisitView } from '@shared/contract';
import { VISIT_TRANSITIONS, canTransition, type VisitAction, type VisitState } from '@shared/domain/visit';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import type { Selectable, Updateable } from 'kysely';
import type { HandlerContext } from '../context';
import type { Database } from '../store/schema';
import { loadVisitView } from './visit-view';

type VisitChanges = Omit<Updateable<Database['visits']>, 'id' | 'state' | 'version'>;

/**
 * Moves a visit along VISIT_TRANSITIONS, or refuses with an Arabic message that says what
 * happened instead (e.g. another desk called this visitor a moment ago). One event, one audit row.
 */
export async function transitionVisit(
  ctx: HandlerContext,
  visitId: number,
  action: VisitAction,
  changes: VisitChanges = {},
  note: string | null = null,
  /** A rule of the action itself, checked once the visit is known to be in a state the action applies to. */
  guard?: (visit: Selectable<Database['visits']>) => Promise<void>,
): Promise<VisitView> {
  const before = await ctx.db.selectFrom('visits').selectAll().where('id', '=', visitId).executeTakeFirst();
  if (!before) throw new AppError('not_found', ar.messages.visitNotFound);
  const from = before.state as VisitState;
  if (!canTransition(action, from)) throw await wrongStateError(ctx, before, action);
  await guard?.(before);

  const to = VISIT_TRANSITIONS[action].to;
  const updated = await ctx.db
    .updateTable('visits')
    .set({ ...changes, state: to, version: before.version + 1 })
    .where('id', '=', visitId)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', ar.errors.conflict);

  await timelineAtCommit(ctx, visitId, action, from, to, note);
  const after = (await loadVisitView(ctx.db, visitId))!;
  ctx.audit({ entity: 'visit', entityId: visitId, before, after });
  return after;
}

async function wrongStateError(
  ctx: HandlerContext,
  visit: Selectable<Database['visits']>,
  action: VisitAction,
): Promise<AppError> {
  const state = ar.visitStates[visit.state as VisitState];
  const lastEvent = await ctx.db
    .selectFrom('visit_events as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['u.full_name', 'e.user_id'])
    .where('e.visit_id', '=', visit.id)
    .orderBy('e.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (lastEvent && lastEvent.user_id !== ctx.user!.id && visit.state !== 'waiting') {
    return new AppError('conflict', fill(ar.messages.visitTakenBy, { state, by: lastEvent.full_name }));
  }
  return new AppError('conflict', fill(ar.messages.visitWrongState, { action: ar.actions[action], state }));
}

/** The visit's timeline event, with the commit: nothing in the transaction reads the timeline back. */
export async function timelineAtCommit(ctx: HandlerContext, visitId: number, action: VisitAction, from: VisitState, to: VisitState, note: string | null): Promise<void> {
  await ctx.store.atCommit(
    ctx.db,
    ctx.db.insertInto('visit_events').values({ visit_id: visitId, at: ctx.now.toISOString(), user_id: ctx.user!.id, action, from_state: from, to_state: to, note }).compile(),
  );
}
