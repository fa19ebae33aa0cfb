import type { PeriodRequestFigures } from '../../../shared/contract/reports';
import { CHANNELS, type Channel } from '../../../shared/domain/channels';
import { mean } from '../figures/stats';
import { daysBetween, localClock, type PeriodScope } from './period-scope';

/** A support request as the period's figures need it (instants UTC ISO, days YYYY-MM-DD). */
export interface ReportRequest {
  channel: Channel;
  openedAt: string;
  submittedAt: string | null;
  submissionDay: string | null;
  expectedAnswerDate: string | null;
  decision: 'accepted' | 'rejected' | null;
  decidedAt: string | null;
  registeredAt: string | null;
  deliveredOn: string | null;
  closedAt: string | null;
  serviceAmount: number | null;
}

/** What the evidence pack adds about requests (S6, S7). */
export interface RequestSteps {
  registered: number;
  delivered: number;
  deliveredAmount: number;
  closed: number;
}

/**
 * The requests part of the period report, request by request. Events are counted on the day they
 * happened at the association's clock; the requests still open are those neither rejected nor closed
 * by the end of `asOf`, so a past period's figures do not change when it is printed again later.
 */
export function requestCounter(scope: PeriodScope) {
  const clock = localClock(scope.timeZone);
  const inPeriod = (iso: string | null) => iso !== null && iso >= scope.startIso && iso < scope.endIso;
  const byAsOf = (iso: string | null) => iso !== null && iso < scope.asOfEndIso;
  const f: PeriodRequestFigures = {
    opened: 0,
    openedByChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>,
    submitted: 0,
    decided: 0,
    accepted: 0,
    rejected: 0,
    answeredWithinPeriod: 0,
    answeredLate: 0,
    decisionDays: { mean: null, longest: null },
    stillOpen: { total: 0, beforeSubmission: 0, awaitingCommittee: 0, overdue: 0, accepted: 0 },
  };
  const steps: RequestSteps = { registered: 0, delivered: 0, deliveredAmount: 0, closed: 0 };
  const decisionDays: number[] = [];

  return {
    count(r: ReportRequest) {
      if (inPeriod(r.openedAt)) {
        f.opened++;
        f.openedByChannel[r.channel]++;
      }
      if (r.submissionDay !== null && r.submissionDay >= scope.from && r.submissionDay <= scope.to) f.submitted++;
      if (inPeriod(r.decidedAt) && r.submissionDay) {
        f.decided++;
        if (r.decision === 'accepted') f.accepted++;
        else f.rejected++;
        const decidedDay = clock.dayOf(r.decidedAt!);
        decisionDays.push(daysBetween(r.submissionDay, decidedDay));
        // S5: answered on its expected answer date is answered within the committee's period.
        if (r.expectedAnswerDate !== null && decidedDay <= r.expectedAnswerDate) f.answeredWithinPeriod++;
        else f.answeredLate++;
      }
      if (inPeriod(r.registeredAt)) steps.registered++;
      if (r.deliveredOn !== null && r.deliveredOn >= scope.from && r.deliveredOn <= scope.to) {
        steps.delivered++;
        steps.deliveredAmount += r.serviceAmount ?? 0;
      }
      if (inPeriod(r.closedAt)) steps.closed++;

      const ended = byAsOf(r.closedAt) || (r.decision === 'rejected' && byAsOf(r.decidedAt));
      if (!byAsOf(r.openedAt) || ended) return;
      const open = f.stillOpen;
      open.total++;
      if (!byAsOf(r.submittedAt)) open.beforeSubmission++;
      else if (!byAsOf(r.decidedAt)) {
        open.awaitingCommittee++;
        // Overdue as the committee's list says it on that day: its expected answer date is past.
        if (r.expectedAnswerDate !== null && r.expectedAnswerDate < scope.asOf) open.overdue++;
      } else open.accepted++;
    },

    figures(): PeriodRequestFigures {
      return { ...f, decisionDays: { mean: mean(decisionDays), longest: decisionDays.reduce<number | null>((a, b) => (a === null || b > a ? b : a), null) } };
    },

    steps(): RequestSteps {
      return { ...steps };
    },
  };
}
