import type { HallCallView, HallDisplayView } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import type { HandlerContext } from '../context';
import { readSettings } from '../settings/read-settings';
import { callView, hallCallsWhere } from './hall-calls';

/** How many of the day's calls the display lists under the current ones. */
export const RECENT_CALLS = 5;

/**
 * S1: the hall display's answer — the calls of every desk on the store (on PostgreSQL every desk on
 * the server), how many wait, and the association's own words. Built field by field from tickets,
 * desks and counts: nothing of a visitor but their ticket can reach it.
 */
export async function displayCalls(ctx: Pick<HandlerContext, 'db' | 'now' | 'timeZone'>): Promise<HallDisplayView> {
  const day = businessDay(ctx.now, ctx.timeZone);
  const settings = await readSettings(ctx.db, ['associationName', 'associationLogoBase64', 'displayMessage']);
  const recent = await hallCallsWhere(ctx.db, (q) => q.where('c.day', '=', day).limit(RECENT_CALLS));
  // Each desk's visitor served now: the latest call of a visit still served at the desk that called it.
  const serving = await hallCallsWhere(ctx.db, (q) =>
    q.where('c.day', '=', day).where('v.state', '=', 'serving').whereRef('v.serving_desk_id', '=', 'c.desk_id'),
  );
  const current: HallCallView[] = [];
  const desksSeen = new Set<number>();
  for (const call of serving) {
    if (desksSeen.has(call.deskId)) continue;
    desksSeen.add(call.deskId);
    current.push(callView(call));
  }
  const waiting = await ctx.db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('day', '=', day)
    .where('state', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return {
    day,
    timeZone: ctx.timeZone,
    associationName: settings.associationName,
    associationLogoBase64: settings.associationLogoBase64,
    message: settings.displayMessage,
    waiting: Number(waiting.n),
    current,
    recent: recent.map(callView),
  };
}
