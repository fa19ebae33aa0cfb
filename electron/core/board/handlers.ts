import { businessDay } from '../../../shared/dates/calendar';
import type { HandlerMap } from '../handlers';
import { readSettings } from '../settings/read-settings';
import { committeeBacklog } from './committee-backlog';
import { desksNow } from './desks-now';
import { hallToday } from './hall-today';
import { lastDays } from './last-days';
import { openFollowUps } from '../satisfaction/follow-ups';

export const boardHandlers: HandlerMap<'board.today'> = {
  // Names of visitors and applicants only, never an ID: no read of personal data in full to record.
  'board.today': async (_input, ctx) => {
    const day = businessDay(ctx.now, ctx.timeZone);
    const settings = await readSettings(ctx.db, ['waitTargets', 'lockAfterMinutes']);
    const hall = await hallToday(ctx, day, settings.waitTargets);
    const [desks, committee, history, satisfactionFollowUps] = await Promise.all([
      desksNow(ctx, settings.lockAfterMinutes * 60_000),
      committeeBacklog(ctx, day),
      lastDays(ctx, day, hall),
      openFollowUps(ctx.db, day),
    ]);
    return { day, now: ctx.now.toISOString(), waiting: hall.waiting, desks, today: hall.today, committee, ...history, satisfactionFollowUps };
  },
};
