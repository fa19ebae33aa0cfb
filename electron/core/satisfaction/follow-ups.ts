import type { SatisfactionComment, SatisfactionFollowUp } from '@shared/contract';
import { addDays } from '@shared/dates/calendar';
import { FOLLOW_UP_DAYS, LOW_SCORE } from '@shared/domain/satisfaction';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import type { Db } from '../store/store';
import { selectRatings, toComment, type RatingRow } from './rating-rows';

/** A low rating (1–2) whose visitor left a comment or asked to be contacted: the supervisor follows it up. */
export function needsFollowUp(r: Pick<RatingRow, 'overall' | 'comment' | 'contact_me' | 'misuse'>): boolean {
  return !r.misuse && r.overall <= LOW_SCORE && (!!r.comment || !!r.contact_me);
}

/** The board's follow-up items: low ratings of the last FOLLOW_UP_DAYS not yet followed up, newest day first. */
export async function openFollowUps(db: Db, today: string): Promise<SatisfactionFollowUp[]> {
  const rows = await selectRatings(db)
    .where('s.day', '>=', addDays(today, -FOLLOW_UP_DAYS))
    .where('s.overall', '<=', LOW_SCORE)
    .where('s.followed_up_at', 'is', null)
    .orderBy('s.day', 'desc')
    .orderBy('s.id')
    .execute();
  return rows.filter(needsFollowUp).map(toComment);
}

/** A supervisor followed a low rating up: it leaves the board, the report counts it followed up. */
export async function markFollowedUp(ctx: HandlerContext, ratingId: string, note: string | null): Promise<SatisfactionComment> {
  const row = await selectRatings(ctx.db).where('s.id', '=', ratingId).executeTakeFirst();
  if (!row) throw new AppError('not_found', ar.satisfaction.ratingNotFound);
  if (!needsFollowUp(row)) throw new AppError('validation', ar.satisfaction.notToFollow);
  if (row.followed_up_at !== null) throw new AppError('conflict', ar.satisfaction.alreadyFollowed);
  const at = ctx.now.toISOString();
  await ctx.db
    .updateTable('satisfaction_ratings')
    .set({ followed_up_at: at, followed_up_by: ctx.user!.id, follow_up_note: note })
    .where('id', '=', ratingId)
    .execute();
  // A named rating's audit row names its visit; an anonymous one's names nothing.
  ctx.audit({
    entity: row.visit_id !== null ? 'visit' : 'satisfaction',
    entityId: row.visit_id,
    before: { followedUpAt: null },
    after: { followedUpAt: at, note },
  });
  return toComment({ ...row, followed_up_at: at });
}
