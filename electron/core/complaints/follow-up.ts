import type { ComplaintView, ParsedInputOf } from '@shared/contract';
import { COMPLAINT_FOLLOWERS } from '@shared/contract/complaints';
import { businessDay } from '@shared/dates/calendar';
import { canMoveComplaint, NEXT_COMPLAINT_STATE, type ComplaintState } from '@shared/domain/complaints';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import type { Updateable } from 'kysely';
import type { HandlerContext } from '../context';
import type { Database } from '../store/schema';
import { auditedComplaint } from './audited-complaint';
import { loadComplaintView } from './complaint-view';

const C = ar.complaints;
const answerMissing = () => new AppError('validation', C.answerRequired, [{ path: ['answer'], message: C.answerRequired }]);

async function requireComplaint(ctx: HandlerContext, complaintId: number) {
  const row = await ctx.db.selectFrom('complaints').selectAll().where('id', '=', complaintId).executeTakeFirst();
  if (!row) throw new AppError('not_found', C.notFound);
  return row;
}

/** An owner follows complaints up: an active supervisor or administrator. */
async function requireFollower(ctx: HandlerContext, userId: number): Promise<void> {
  const user = await ctx.db.selectFrom('users').select(['role', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!user || !user.active || !(COMPLAINT_FOLLOWERS as readonly string[]).includes(user.role)) {
    throw new AppError('validation', C.ownerNotFollower, [{ path: ['ownerId'], message: C.ownerNotFollower }]);
  }
}

function wrongMove(from: ComplaintState, to: ComplaintState): AppError {
  const next = NEXT_COMPLAINT_STATE[from];
  return new AppError('conflict', fill(C.wrongMove, { from: C.states[from], to: C.states[to], next: next ? C.states[next] : C.states[from] }));
}

/**
 * Writes the changes on the version the caller read, so a second desk's save made meanwhile is
 * refused rather than overwritten; audited with the complaint before and after.
 */
async function save(ctx: HandlerContext, before: { id: number; version: number }, changes: Updateable<Database['complaints']>, today: string) {
  const beforeView = (await loadComplaintView(ctx.db, before.id, today))!;
  const updated = await ctx.db
    .updateTable('complaints')
    .set({ ...changes, updated_at: ctx.now.toISOString(), updated_by: ctx.user!.id, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', C.stale);
  const after = (await loadComplaintView(ctx.db, before.id, today))!;
  ctx.audit({ entity: 'complaint', entityId: before.id, before: auditedComplaint(beforeView), after: auditedComplaint(after) });
  return after;
}

/** P8: an owner, a category, the answer, and one step on (new → in progress → answered → closed). */
export async function updateComplaint(input: ParsedInputOf<'complaints.update'>, ctx: HandlerContext): Promise<ComplaintView> {
  const today = businessDay(ctx.now, ctx.timeZone);
  const before = await requireComplaint(ctx, input.complaintId);
  if (before.state === 'closed') throw new AppError('conflict', C.alreadyClosed);
  if (input.version !== undefined && input.version !== before.version) throw new AppError('conflict', C.stale);

  const changes: Updateable<Database['complaints']> = {};
  if (input.ownerId !== undefined && input.ownerId !== before.owner_id) {
    if (input.ownerId !== null) await requireFollower(ctx, input.ownerId);
    changes.owner_id = input.ownerId;
  }
  if (input.category !== undefined && input.category !== before.category) changes.category = input.category;
  const answer = input.answer === undefined ? before.answer : input.answer.trim() || null;
  if (answer !== before.answer) changes.answer = answer;

  const to = input.status ?? before.state;
  if (!canMoveComplaint(before.state, to)) throw wrongMove(before.state, to);
  // Once answered, the answer stays: an answered or closing complaint without one is refused.
  if ((to === 'answered' || to === 'closed') && !answer) throw answerMissing();
  if (to !== before.state) {
    changes.state = to;
    if (to === 'answered') {
      changes.answered_at = ctx.now.toISOString();
      changes.answered_day = today;
    }
    if (to === 'closed') changes.closed_at = ctx.now.toISOString();
  }
  if (Object.keys(changes).length === 0) {
    ctx.unchanged();
    return (await loadComplaintView(ctx.db, before.id, today))!;
  }
  return save(ctx, before, changes, today);
}

/** Closes an answered complaint (P8). Closing one already closed (a double press) changes nothing. */
export async function closeComplaint(input: ParsedInputOf<'complaints.close'>, ctx: HandlerContext): Promise<ComplaintView> {
  const today = businessDay(ctx.now, ctx.timeZone);
  const before = await requireComplaint(ctx, input.complaintId);
  if (before.state === 'closed') {
    ctx.unchanged();
    return (await loadComplaintView(ctx.db, before.id, today))!;
  }
  if (!before.answer?.trim()) throw answerMissing();
  if (before.state !== 'answered') throw new AppError('conflict', C.closeNotAnswered);
  return save(ctx, before, { state: 'closed', closed_at: ctx.now.toISOString() }, today);
}
