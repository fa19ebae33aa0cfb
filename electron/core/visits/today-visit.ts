import type { TodayVisit } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import type { VisitState } from '@shared/domain/visit';
import type { HandlerContext } from '../context';
import { compiledOnce } from '../store/compiled-once';
import type { Db } from '../store/store';

/** One person's visits of the day (an ID or mobile hit), compiled once: the common case. */
const visitsOfOne = compiledOnce((db: Db, day: string, beneficiaryId: number) =>
  db
    .selectFrom('visits')
    .select(['id', 'beneficiary_id', 'ticket', 'state'])
    .where('day', '=', day)
    .where('beneficiary_id', '=', beneficiaryId)
    .where('state', '!=', 'cancelled')
    .orderBy('arrived_at')
    .orderBy('id'),
);

const OPEN: readonly VisitState[] = ['waiting', 'serving', 'referred'];

/**
 * The id of one person's ticket of the day, as a sub-select inside a larger statement (a check-in's
 * facts): todayVisitsOf's rule in SQL, the open visit first, then the latest.
 */
export function todayVisitIdOf(db: Db, day: string, beneficiaryId: number | null) {
  return db
    .selectFrom('visits as tv')
    .select('tv.id')
    .where('tv.day', '=', day)
    .where('tv.beneficiary_id', '=', beneficiaryId)
    .where('tv.state', '!=', 'cancelled')
    .orderBy((o) => o.case().when('tv.state', 'in', OPEN).then(0).else(1).end())
    .orderBy('tv.arrived_at', 'desc')
    .orderBy('tv.id', 'desc')
    .limit(1);
}

/**
 * Today's ticket of each beneficiary who has one (check-in, docs/design.md#a-visit): the open visit if there is
 * one, else the latest. A cancelled ticket is void (usually the desk's own correction) and does not count.
 */
export async function todayVisitsOf(ctx: Pick<HandlerContext, 'db' | 'now' | 'timeZone'>, beneficiaryIds: number[]): Promise<Map<number, TodayVisit>> {
  const found = new Map<number, TodayVisit>();
  if (beneficiaryIds.length === 0) return found;
  const day = businessDay(ctx.now, ctx.timeZone);
  const rows =
    beneficiaryIds.length === 1
      ? await visitsOfOne(ctx.db, day, beneficiaryIds[0]!)
      : await ctx.db
          .selectFrom('visits')
          .select(['id', 'beneficiary_id', 'ticket', 'state'])
          .where('day', '=', day)
          .where('beneficiary_id', 'in', beneficiaryIds)
          .where('state', '!=', 'cancelled')
          .orderBy('arrived_at')
          .orderBy('id')
          .execute();
  for (const r of rows) {
    const kept = found.get(r.beneficiary_id!);
    const state = r.state as VisitState;
    // Later rows replace earlier ones, except that an open visit is never replaced by an ended one.
    if (kept && OPEN.includes(kept.state) && !OPEN.includes(state)) continue;
    found.set(r.beneficiary_id!, { visitId: r.id, ticket: r.ticket, state });
  }
  return found;
}

/** Search hits with today's ticket beside each (so a second check-in is never a surprise). */
export async function withTodayVisits<H extends { id: number }>(
  hits: H[],
  ctx: Pick<HandlerContext, 'db' | 'now' | 'timeZone'>,
): Promise<(H & { todayVisit: TodayVisit | null })[]> {
  const today = await todayVisitsOf(ctx, hits.map((h) => h.id));
  return hits.map((h) => ({ ...h, todayVisit: today.get(h.id) ?? null }));
}
