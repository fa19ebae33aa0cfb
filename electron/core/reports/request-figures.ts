import type { PeriodRequestFigures } from '@shared/contract/reports';
import { CHANNELS, type Channel } from '@shared/domain/channels';
import { mean } from '../figures/stats';
import type { Db } from '../store/store';
import { daysBetween, localClock, type PeriodScope } from './period-scope';

/** What the evidence pack adds about requests (S6, S7). */
export interface RequestSteps {
  registered: number;
  delivered: number;
  deliveredAmount: number;
  closed: number;
}

/** A decision of the period, as S5 measures it. */
export interface ReportDecision {
  submissionDay: string;
  expectedAnswerDate: string | null;
  decision: 'accepted' | 'rejected';
  decidedAt: string;
}

/**
 * The counts of the period's requests, each a range of one index (migration 0015): 300,000 requests
 * at ten years are never read one by one. Events count on the day they happened at the association's
 * clock. The requests still open are counted at the end of `asOf` from what had happened by then —
 * opened, submitted, decided, rejected, closed — so a past period's figures do not change when it is
 * printed again later. A request is submitted before it is decided, and rejected or served (then
 * closed) only after a decision: the differences are the open requests at each stage.
 */
async function requestCounts(db: Db, scope: PeriodScope) {
  const { startIso, endIso, asOfEndIso, from, to, asOf } = scope;
  const requests = () => db.selectFrom('requests');
  const count = async (query: ReturnType<typeof requests>) => Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const delivered = await requests()
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number | null>('service_amount').as('amount')])
    .where('delivered_on', '>=', from)
    .where('delivered_on', '<=', to)
    .executeTakeFirstOrThrow();
  const decidedBy = await requests()
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.countAll<number>().filterWhere('decision', '=', 'rejected').as('rejected')])
    .where('decided_at', '<', asOfEndIso)
    .executeTakeFirstOrThrow();
  const overdue = (undecided: ReturnType<typeof requests>) => count(undecided.where('submission_day', '<=', asOf).where('expected_answer_date', '<', asOf));
  const by = {
    opened: await count(requests().where('opened_at', '<', asOfEndIso)),
    submitted: await count(requests().where('submission_day', '<=', asOf)),
    decided: Number(decidedBy.n),
    rejected: Number(decidedBy.rejected),
    closed: await count(requests().where('closed_at', '<', asOfEndIso)),
  };
  const beforeSubmission = by.opened - by.submitted;
  const awaiting = by.submitted - by.decided;
  const accepted = by.decided - by.rejected - by.closed;
  return {
    submitted: await count(requests().where('submission_day', '>=', from).where('submission_day', '<=', to)),
    steps: {
      registered: await count(requests().where('registered_at', '>=', startIso).where('registered_at', '<', endIso)),
      delivered: Number(delivered.n),
      deliveredAmount: Number(delivered.amount ?? 0),
      closed: await count(requests().where('closed_at', '>=', startIso).where('closed_at', '<', endIso)),
    },
    stillOpen: {
      total: beforeSubmission + awaiting + accepted,
      beforeSubmission,
      awaitingCommittee: awaiting,
      // Awaiting past the expected answer date, as the committee's list says it on that day.
      overdue: (await overdue(requests().where('decided_at', 'is', null))) + (await overdue(requests().where('decided_at', '>=', asOfEndIso))),
      accepted,
    },
  };
}

/** The period's requests: opened by channel, submitted, decided and how soon, registered, served, still open. */
export async function loadRequestFigures(db: Db, scope: PeriodScope): Promise<{ figures: PeriodRequestFigures; steps: RequestSteps }> {
  const c = await requestCounts(db, scope);
  const byChannel = await db
    .selectFrom('requests')
    .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('opened_at', '>=', scope.startIso)
    .where('opened_at', '<', scope.endIso)
    .groupBy('channel')
    .execute();
  const decisions = await db
    .selectFrom('requests')
    .select(['submission_day', 'expected_answer_date', 'decision', 'decided_at'])
    .where('decided_at', '>=', scope.startIso)
    .where('decided_at', '<', scope.endIso)
    .execute();
  const s5 = decisionFigures(
    decisions
      .filter((d) => d.submission_day !== null && d.decision !== null)
      .map((d) => ({ submissionDay: d.submission_day!, expectedAnswerDate: d.expected_answer_date, decision: d.decision!, decidedAt: d.decided_at! })),
    scope.timeZone,
  );
  const openedByChannel = Object.fromEntries(CHANNELS.map((ch) => [ch, 0])) as Record<Channel, number>;
  for (const r of byChannel) openedByChannel[r.channel] = Number(r.n);
  return {
    figures: {
      opened: byChannel.reduce((sum, r) => sum + Number(r.n), 0),
      openedByChannel,
      submitted: c.submitted,
      ...s5,
      stillOpen: c.stillOpen,
    },
    steps: c.steps,
  };
}

/**
 * S5: the decisions of the period, how they went and how soon: whole days from the submission day to
 * the decision's day at the association's clock; answered on or before the expected answer date is
 * answered within the committee's period.
 */
export function decisionFigures(decisions: readonly ReportDecision[], timeZone: string) {
  const clock = localClock(timeZone);
  const days: number[] = [];
  let accepted = 0;
  let within = 0;
  for (const d of decisions) {
    if (d.decision === 'accepted') accepted++;
    const decidedDay = clock.dayOf(d.decidedAt);
    days.push(daysBetween(d.submissionDay, decidedDay));
    if (d.expectedAnswerDate !== null && decidedDay <= d.expectedAnswerDate) within++;
  }
  return {
    decided: decisions.length,
    accepted,
    rejected: decisions.length - accepted,
    answeredWithinPeriod: within,
    answeredLate: decisions.length - within,
    decisionDays: { mean: mean(days), longest: days.reduce<number | null>((a, b) => (a === null || b > a ? b : a), null) },
  };
}
