import type { PeriodFigures } from '@shared/contract/reports';
import { readSettings } from '../settings/read-settings';
import type { Db } from '../store/store';
import { monthsOf, type PeriodScope } from './period-scope';
import { loadComplaintFigures } from './complaint-figures';
import { loadRequestFigures, type RequestSteps } from './request-figures';
import { visitCounter } from './visit-figures';
import { loadSatisfactionSummary } from '../satisfaction/results';

/**
 * The period's visits a month at a time: a year of a busy hall is 100,000 rows, never all held at
 * once, and read a month's rows in one go rather than one awaited row after another.
 */
async function* periodVisits(db: Db, scope: PeriodScope) {
  for (const [first, last] of monthsOf(scope)) {
    yield await db
      .selectFrom('visits')
      .select(['day', 'state', 'reason', 'channel', 'arrived_at', 'called_at', 'ended_at', 'serving_desk_id'])
      .where('day', '>=', first)
      .where('day', '<=', last)
      .execute();
  }
}

export interface PeriodResult {
  figures: PeriodFigures;
  /** Registrations, services and closings of the period (the evidence pack's S6 and S7). */
  steps: RequestSteps;
}

/** The period report's figures, read from the store (the job worker's read-only connection). */
export async function loadPeriodFigures(db: Db, scope: PeriodScope): Promise<PeriodResult> {
  const settings = await readSettings(db, ['waitTargets', 'committeePeriodDays']);
  const desks = new Map((await db.selectFrom('desks').select(['id', 'name']).execute()).map((d) => [d.id, d.name]));
  const visits = visitCounter(scope, settings.waitTargets, desks);
  for await (const month of periodVisits(db, scope)) {
    for (const v of month) {
      visits.count({
        day: v.day,
        state: v.state,
        reason: v.reason,
        channel: v.channel,
        arrivedAt: v.arrived_at,
        calledAt: v.called_at,
        endedAt: v.ended_at,
        servingDeskId: v.serving_desk_id,
      });
    }
  }
  const requests = await loadRequestFigures(db, scope);
  const complaints = await loadComplaintFigures(db, scope);
  return {
    figures: {
      from: scope.from,
      to: scope.to,
      asOf: scope.asOf,
      days: visits.dayCount,
      committeePeriodDays: settings.committeePeriodDays,
      visits: visits.figures(),
      requests: requests.figures,
      complaints,
      satisfaction: await loadSatisfactionSummary(db, scope.from, scope.to),
    },
    steps: requests.steps,
  };
}
