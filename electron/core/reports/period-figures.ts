import type { PeriodFigures } from '@shared/contract/reports';
import { readSettings } from '../settings/read-settings';
import type { Expression } from 'kysely';
import type { Channel } from '@shared/domain/channels';
import type { VisitReason, VisitState } from '@shared/domain/visit';
import { joinedText } from '../store/portable';
import type { Db } from '../store/store';
import { monthsOf, type PeriodScope } from './period-scope';
import { loadComplaintFigures } from './complaint-figures';
import { loadRequestFigures, type RequestSteps } from './request-figures';
import { visitCounter, type ReportVisit } from './visit-figures';
import { loadSatisfactionSummary } from '../satisfaction/results';

/**
 * The period's visits a month at a time, each day's visits as one row of joined texts (a column's
 * values in the same order in each): a year of a busy hall is 100,000 visits, and building a row
 * object of eight values for each cost several times what reading them does (bench: the period
 * report). Each visit is then counted from its own stored values, as it would be from its own row.
 */
async function* periodVisits(db: Db, scope: PeriodScope): AsyncGenerator<ReportVisit[]> {
  for (const [first, last] of monthsOf(scope)) {
    const days = await db
      .selectFrom('visits')
      .select((eb) => {
        // '' for a null, so every joined column keeps one place per visit.
        const orEmpty = (value: Expression<string | null>) => joinedText(db, eb.fn.coalesce(value, eb.val('')));
        return [
          'day',
          eb.fn.countAll<number>().as('n'),
          joinedText(db, eb.ref('state')).as('states'),
          joinedText(db, eb.ref('reason')).as('reasons'),
          joinedText(db, eb.ref('channel')).as('channels'),
          joinedText(db, eb.ref('arrived_at')).as('arrived'),
          orEmpty(eb.ref('called_at')).as('called'),
          orEmpty(eb.ref('ended_at')).as('ended'),
          orEmpty(eb.cast<string | null>(eb.ref('serving_desk_id'), 'text')).as('desks'),
        ];
      })
      .where('day', '>=', first)
      .where('day', '<=', last)
      .groupBy('day')
      .execute();
    const month: ReportVisit[] = [];
    for (const d of days) {
      const n = Number(d.n);
      const column = (joined: string | null) => {
        const values = (joined ?? '').split(',');
        if (values.length !== n) throw new Error(`the visits of ${d.day}: ${values.length} values for ${n} visits`);
        return values;
      };
      const [states, reasons, channels, arrived, called, ended, desks] = [d.states, d.reasons, d.channels, d.arrived, d.called, d.ended, d.desks].map(column) as string[][];
      for (let i = 0; i < n; i++) {
        const desk = desks![i]!;
        month.push({
          day: d.day,
          state: states![i] as VisitState,
          reason: reasons![i] as VisitReason,
          channel: channels![i] as Channel,
          arrivedAt: arrived![i]!,
          calledAt: called![i] || null,
          endedAt: ended![i] || null,
          servingDeskId: desk === '' ? null : Number(desk),
        });
      }
    }
    yield month;
  }
}

export interface PeriodResult {
  figures: PeriodFigures;
  /** Registrations, services and closings of the period (the evidence pack's S6 and S7). */
  steps: RequestSteps;
}

/** The period report's figures, read from the store (the job worker's read-only connection). */
export async function loadPeriodFigures(db: Db, scope: PeriodScope): Promise<PeriodResult> {
  const [settings, deskRows] = await Promise.all([readSettings(db, ['waitTargets', 'committeePeriodDays']), db.selectFrom('desks').select(['id', 'name']).execute()]);
  const countVisits = async () => {
    const counter = visitCounter(scope, settings.waitTargets, new Map(deskRows.map((d) => [d.id, d.name])));
    for await (const month of periodVisits(db, scope)) for (const v of month) counter.count(v);
    return counter;
  };
  // Independent reads asked together: on PostgreSQL the requests' round trips overlap the counting of the visits.
  const [visits, requests, complaints, satisfaction] = await Promise.all([
    countVisits(),
    loadRequestFigures(db, scope),
    loadComplaintFigures(db, scope),
    loadSatisfactionSummary(db, scope.from, scope.to),
  ]);
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
      satisfaction,
    },
    steps: requests.steps,
  };
}
