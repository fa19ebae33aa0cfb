import { BOARD_DAYS, type BoardDay } from '@shared/contract/board';
import { addDays } from '@shared/dates/calendar';
import { CHANNELS, type Channel } from '@shared/domain/channels';
import { VISIT_REASONS, type VisitReason } from '@shared/domain/visit';
import type { HandlerContext } from '../context';
import { mean } from '../figures/stats';
import { boundOnce } from '../store/compiled-once';
import { joinedText, msBetween } from '../store/portable';
import type { Db } from '../store/store';
import type { HallToday } from './hall-today';

/** One group of earlierGroups, in the order of its select. */
type EarlierGroup = [day: string, reason: string, channel: string, visits: number | string, waits: string | null];

/**
 * The days before today within the charts' range, by day, reason and channel: how many visits, and each
 * called visit's wait in ms, joined as text. A month of a busy hall (about 7,600 visits at ten-year scale)
 * comes as a few hundred rows, read from the range of the index on day: on PostgreSQL a row each would
 * cost more to carry than to find.
 */
const earlierGroups = boundOnce((db: Db, from: string, today: string) =>
  db
    .selectFrom('visits')
    .select((eb) => ['day', 'reason', 'channel', eb.fn.countAll().as('visits'), joinedText(db, msBetween(db, eb.ref('arrived_at'), eb.ref('called_at'))).as('waits')])
    .where('day', '>=', from)
    .where('day', '<', today)
    .groupBy(['day', 'reason', 'channel']),
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
  const groups = await ctx.store.arrayRows<EarlierGroup>(ctx.db, earlierGroups(ctx.db, from, today));
  for (const [day, reason, channel, visits, waits] of groups) {
    const d = perDay.get(day)!;
    const n = Number(visits);
    d.count += n;
    d.byReason[reason as VisitReason] += n;
    byReason[reason as VisitReason] += n;
    byChannel[channel as Channel] += n;
    if (waits !== null) for (const w of waits.split(',')) d.waits.push(Number(w));
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
