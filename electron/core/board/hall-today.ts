import type { BoardView, BoardWaitingVisit } from '@shared/contract';
import type { Channel } from '@shared/domain/channels';
import { VISIT_STATES, type VisitReason, type VisitState } from '@shared/domain/visit';
import { isPastTarget, waitBand, type WaitTargets } from '@shared/domain/wait-targets';
import type { HandlerContext } from '../context';
import { boundOnce } from '../store/compiled-once';
import { textLiteral } from '../store/portable';
import type { Db } from '../store/store';

/** One of today's visits, in the order of todayRows' select. */
type TodayRow = [ticket: string, state: string, reason: string, channel: string, name: string, arrivedAt: string, calledAt: string | null, referred: number];

/**
 * Today's visits, slim (the index visits_day_arrival hands them over): a day is counted by the day a
 * visit arrived, as the daily register counts it, so a visit that ends after midnight is the day before's.
 */
const todayRows = boundOnce((db: Db, day: string) =>
  db
    .selectFrom('visits as v')
    .leftJoin('beneficiaries as b', 'b.id', 'v.beneficiary_id')
    .select((eb) => [
      'v.ticket',
      'v.state',
      'v.reason',
      'v.channel',
      eb.fn.coalesce('b.full_name', 'v.visitor_name', textLiteral('')).as('name'),
      'v.arrived_at',
      'v.called_at',
      eb.case().when('v.referral_note', 'is not', null).then(eb.lit(1)).else(eb.lit(0)).end().as('referred'),
    ])
    .where('v.day', '=', day)
    .orderBy('v.arrived_at')
    .orderBy('v.id'),
);

export interface HallToday {
  waiting: BoardView['waiting'];
  today: BoardView['today'];
  /** Today's called visits' waits, for today's point of the charts. */
  waits: number[];
  byReason: Partial<Record<VisitReason, number>>;
  byChannel: Partial<Record<Channel, number>>;
}

/** The hall now and today so far, from today's visits (S1: waits against each reason's target). */
export async function hallToday(ctx: Pick<HandlerContext, 'db' | 'store' | 'now'>, day: string, targets: WaitTargets): Promise<HallToday> {
  const rows = await ctx.store.arrayRows<TodayRow>(ctx.db, todayRows(ctx.db, day));
  const now = ctx.now.getTime();
  const states = Object.fromEntries(VISIT_STATES.map((s) => [s, 0])) as Record<VisitState, number>;
  const byReason: HallToday['byReason'] = {};
  const byChannel: HallToday['byChannel'] = {};
  const waiting: BoardWaitingVisit[] = [];
  const waits: number[] = [];
  let referred = 0;
  let calledAfterTarget = 0;
  for (const [ticket, state, reason, channel, name, arrivedAt, calledAt, wasReferred] of rows) {
    const r = reason as VisitReason;
    states[state as VisitState]++;
    byReason[r] = (byReason[r] ?? 0) + 1;
    byChannel[channel as Channel] = (byChannel[channel as Channel] ?? 0) + 1;
    if (wasReferred) referred++;
    const arrived = Date.parse(arrivedAt);
    if (calledAt !== null) {
      const waited = Date.parse(calledAt) - arrived;
      waits.push(waited);
      if (isPastTarget(waited, targets[r])) calledAfterTarget++;
    } else if (state === 'waiting') {
      const waitedMs = Math.max(0, now - arrived);
      waiting.push({ ticket, name, reason: r, arrivedAt, waitedMs, band: waitBand(waitedMs, targets[r]) });
    }
  }
  // Rows come in arrival order: the longest wait is the first still waiting.
  return {
    waiting: {
      count: waiting.length,
      longestWaitMs: waiting[0]?.waitedMs ?? null,
      visits: waiting,
      pastTarget: waiting.filter((w) => isPastTarget(w.waitedMs, targets[w.reason])).length,
    },
    today: { total: rows.length, states, referred, calledAfterTarget, called: waits.length },
    waits,
    byReason,
    byChannel,
  };
}
