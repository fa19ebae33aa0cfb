import type { PeriodFigures } from '../../../shared/contract/reports';
import { readSettings } from '../settings/read-settings';
import type { Db } from '../store/store';
import type { PeriodScope } from './period-scope';
import { requestCounter, type RequestSteps } from './request-figures';
import { visitCounter } from './visit-figures';

/**
 * The period's visits, one statement read row by row: a year of a busy hall is 100,000 rows, of
 * which only the figures' own numbers are kept.
 */
function periodVisits(db: Db, scope: PeriodScope) {
  return db
    .selectFrom('visits')
    .select(['day', 'state', 'reason', 'channel', 'arrived_at', 'called_at', 'ended_at', 'serving_desk_id'])
    .where('day', '>=', scope.from)
    .where('day', '<=', scope.to)
    .stream();
}

/**
 * The requests the period's figures are about: anything that happened to them in the period, and
 * those still open at its end. Old requests closed or rejected before the period are never read.
 */
function periodRequests(db: Db, scope: PeriodScope) {
  return db
    .selectFrom('requests')
    .select([
      'channel',
      'opened_at',
      'submitted_at',
      'submission_day',
      'expected_answer_date',
      'decision',
      'decided_at',
      'registered_at',
      'delivered_on',
      'closed_at',
      'service_amount',
    ])
    .where('opened_at', '<', scope.endIso)
    .where((eb) =>
      eb.or([
        eb('opened_at', '>=', scope.startIso),
        eb('submission_day', '>=', scope.from),
        eb('decided_at', '>=', scope.startIso),
        eb('registered_at', '>=', scope.startIso),
        eb('delivered_on', '>=', scope.from),
        eb('closed_at', '>=', scope.startIso),
        // Still open at the end: neither closed nor rejected by then.
        eb.and([
          eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', scope.asOfEndIso)]),
          eb.or([eb('decision', 'is', null), eb('decision', '=', 'accepted'), eb('decided_at', '>=', scope.asOfEndIso)]),
        ]),
      ]),
    )
    .stream();
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
  for await (const v of periodVisits(db, scope)) {
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
  const requests = requestCounter(scope);
  for await (const r of periodRequests(db, scope)) {
    requests.count({
      channel: r.channel,
      openedAt: r.opened_at,
      submittedAt: r.submitted_at,
      submissionDay: r.submission_day,
      expectedAnswerDate: r.expected_answer_date,
      decision: r.decision,
      decidedAt: r.decided_at,
      registeredAt: r.registered_at,
      deliveredOn: r.delivered_on,
      closedAt: r.closed_at,
      serviceAmount: r.service_amount === null ? null : Number(r.service_amount),
    });
  }
  return {
    figures: {
      from: scope.from,
      to: scope.to,
      asOf: scope.asOf,
      days: visits.dayCount,
      committeePeriodDays: settings.committeePeriodDays,
      visits: visits.figures(),
      requests: requests.figures(),
    },
    steps: requests.steps(),
  };
}
