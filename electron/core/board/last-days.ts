import { BOARD_DAYS, type BoardDay } from '../../../shared/contract/board';
import { addDays } from '../../../shared/dates/calendar';
import { CHANNELS, type Channel } from '../../../shared/domain/channels';
import { VISIT_REASONS, type VisitReason } from '../../../shared/domain/visit';
import type { HandlerContext } from '../context';
import { mean } from '../figures/stats';
import { boundOnce } from '../store/compiled-once';
import type { Db } from '../store/store';
import type { HallToday } from './hall-today';

/** One visit of the days before today, in the order of earlierRows' select. */
type EarlierRow = [day: string, reason: string, channel: string, arrivedAt: string, calledAt: string | null];

/**
 * The visits of the days before today within the charts' range, only what the charts count: a range of
 * the index on day, a month of a busy hall (about 11,000 rows at ten-year scale) as arrays.
 */
const earlierRows = boundOnce((db: Db, from: string, today: string) =>
  db
    .selectFrom('visits')
    .select(['day', 'reason', 'channel', 'arrived_at', 'called_at'])
    .where('day', '>=', from)
    .where('day', '<', today),
);

export interface LastDays {
  days: BoardDay[];
  byReason: Record<VisitReason, number>;
  byChannel: Record<Channel, number>;
}

/**
 * Visits per day, by reason and channel, and the mean wait per day (arrival to call, the same mean as
 * every other figure: figures/stats.ts) over the last BOARD_DAYS days, today's from the hall's rows.
 */
export async function lastDays(ctx: Pick<HandlerContext, 'db' | 'store'>, today: string, hall: HallToday): Promise<LastDays> {
  const from = addDays(today, -(BOARD_DAYS - 1));
  const dayList = Array.from({ length: BOARD_DAYS }, (_, i) => addDays(from, i));
  const perDay = new Map(dayList.map((day) => [day, { count: 0, byReason: zeros(VISIT_REASONS), waits: [] as number[] }]));
  const byReason = zeros(VISIT_REASONS);
  const byChannel = zeros(CHANNELS);
  const rows = await ctx.store.arrayRows<EarlierRow>(ctx.db, earlierRows(ctx.db, from, today));
  for (const [day, reason, channel, arrivedAt, calledAt] of rows) {
    const d = perDay.get(day)!;
    d.count++;
    d.byReason[reason as VisitReason]++;
    byReason[reason as VisitReason]++;
    byChannel[channel as Channel]++;
    if (calledAt !== null) d.waits.push(Date.parse(calledAt) - Date.parse(arrivedAt));
  }
  const todays = perDay.get(today)!;
  todays.count = hall.today.total;
  todays.waits = hall.waits;
  for (const reason of VISIT_REASONS) {
    todays.byReason[reason] = hall.byReason[reason] ?? 0;
    byReason[reason] += todays.byReason[reason];
  }
  for (const [channel, n] of Object.entries(hall.byChannel)) byChannel[channel as Channel] += n;
  return {
    days: dayList.map((day) => {
      const d = perDay.get(day)!;
      return { day, visits: d.count, byReason: d.byReason, meanWaitMs: mean(d.waits) };
    }),
    byReason,
    byChannel,
  };
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
