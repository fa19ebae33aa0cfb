import type { boardOperations } from '@shared/contract/board';
import { businessDay } from '@shared/dates/calendar';
import type { HandlersOf } from '../handler-kinds';
import { readSettings } from '../settings/read-settings';
import { committeeBacklog } from './committee-backlog';
import { desksNow } from './desks-now';
import { hallToday } from './hall-today';
import { lastDays } from './last-days';
import { overdueComplaints } from './overdue-complaints';
import { overdueFollowUps } from './overdue-follow-ups';
import { openFollowUps } from '../satisfaction/follow-ups';

export const boardHandlers: HandlersOf<typeof boardOperations> = {
  // Names of visitors and applicants only, never an ID: no read of personal data in full to record.
  'board.today': async (_input, ctx) => {
    const day = businessDay(ctx.now, ctx.timeZone);
    const settings = await readSettings(ctx.db, ['waitTargets', 'lockAfterMinutes']);
    const hall = await hallToday(ctx, day, settings.waitTargets);
    const [desks, committee, complaints, history, followUps, satisfactionFollowUps] = await Promise.all([
      desksNow(ctx, settings.lockAfterMinutes * 60_000),
      committeeBacklog(ctx, day),
      overdueComplaints(ctx, day),
      lastDays(ctx, day, hall),
      overdueFollowUps(ctx, day),
      openFollowUps(ctx.db, day),
    ]);
    return { day, now: ctx.now.toISOString(), waiting: hall.waiting, desks, today: hall.today, committee, complaints, overdueFollowUps: followUps, ...history, satisfactionFollowUps };
  },
};
