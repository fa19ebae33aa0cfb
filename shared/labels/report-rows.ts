import type { PeriodFigures } from '../contract/reports';
import { ar } from './ar';
import { countText, countWithShare, daysText, durationText, NO_FIGURE, shareText } from './report-values';

/** How a figure is measured, so the PDF writes it as text and the spreadsheet as a number with its format. */
export type FigureUnit = 'count' | 'share' | 'duration' | 'days' | 'riyal' | 'score';

/** One line of a report's figures: a name, a value (null: none to give), and for a count its share of a whole. */
export interface FigureRow {
  label: string;
  value: number | null;
  unit: FigureUnit;
  share?: number | null;
}

const R = ar.reports;

/** The period's visits and waits in a few lines (the report's summary, on paper and in the spreadsheet). */
export function visitSummaryRows(f: PeriodFigures): FigureRow[] {
  const v = f.visits;
  const ofAll = (n: number) => (v.total > 0 ? n / v.total : null);
  return [
    { label: R.visitsTotal, value: v.total, unit: 'count' },
    { label: R.called, value: v.called, unit: 'count', share: ofAll(v.called) },
    { label: R.done, value: v.byState.done, unit: 'count', share: ofAll(v.byState.done) },
    { label: R.leftBeforeServed, value: v.leftBeforeServed, unit: 'count', share: v.leftRate },
    { label: R.cancelled, value: v.byState.cancelled, unit: 'count', share: ofAll(v.byState.cancelled) },
    { label: R.meanWait, value: v.wait.meanMs, unit: 'duration' },
    { label: R.medianWait, value: v.wait.medianMs, unit: 'duration' },
    { label: R.p90Wait, value: v.wait.p90Ms, unit: 'duration' },
    { label: R.meanService, value: v.service.meanMs, unit: 'duration' },
    { label: R.medianService, value: v.service.medianMs, unit: 'duration' },
    { label: R.p90Service, value: v.service.p90Ms, unit: 'duration' },
    { label: R.withinTarget, value: v.target.withinTarget, unit: 'count', share: v.target.withinShare },
    { label: R.aboveTarget, value: v.target.aboveTarget, unit: 'count', share: v.target.called > 0 ? v.target.aboveTarget / v.target.called : null },
  ];
}

/** The period's support requests (S5): opened, submitted, decided and how, and what is still open. */
export function requestRows(f: PeriodFigures): FigureRow[] {
  const q = f.requests;
  const ofDecided = (n: number) => (q.decided > 0 ? n / q.decided : null);
  return [
    { label: R.opened, value: q.opened, unit: 'count' },
    { label: R.submitted, value: q.submitted, unit: 'count' },
    { label: R.decided, value: q.decided, unit: 'count' },
    { label: R.accepted, value: q.accepted, unit: 'count', share: ofDecided(q.accepted) },
    { label: R.rejected, value: q.rejected, unit: 'count', share: ofDecided(q.rejected) },
    { label: R.answeredWithinPeriod, value: q.answeredWithinPeriod, unit: 'count', share: ofDecided(q.answeredWithinPeriod) },
    { label: R.answeredLate, value: q.answeredLate, unit: 'count', share: ofDecided(q.answeredLate) },
    { label: R.decisionDaysMean, value: q.decisionDays.mean, unit: 'days' },
    { label: R.decisionDaysLongest, value: q.decisionDays.longest, unit: 'days' },
    { label: R.stillOpen, value: q.stillOpen.total, unit: 'count' },
    { label: R.beforeSubmission, value: q.stillOpen.beforeSubmission, unit: 'count' },
    { label: R.awaitingCommittee, value: q.stillOpen.awaitingCommittee, unit: 'count' },
    { label: R.overdue, value: q.stillOpen.overdue, unit: 'count' },
    { label: R.acceptedOpen, value: q.stillOpen.accepted, unit: 'count' },
  ];
}

/** P8: the period's complaints and suggestions: received, answered in time or late, and what is still open. */
export function complaintRows(f: PeriodFigures): FigureRow[] {
  const c = f.complaints;
  const ofReceived = (n: number) => (c.received > 0 ? n / c.received : null);
  const C = ar.complaints.report;
  return [
    { label: C.received, value: c.received, unit: 'count' },
    { label: C.answeredWithinDue, value: c.answeredWithinDue, unit: 'count', share: ofReceived(c.answeredWithinDue) },
    { label: C.answeredLate, value: c.answeredLate, unit: 'count', share: ofReceived(c.answeredLate) },
    { label: C.stillOpen, value: c.stillOpen, unit: 'count' },
    { label: C.overdue, value: c.overdue, unit: 'count' },
  ];
}

const S = ar.satisfaction.results;

/** P6, P7: the period's satisfaction ratings (the report's section, the evidence pack's P6). */
export function satisfactionRows(f: PeriodFigures): FigureRow[] {
  const s = f.satisfaction;
  const ofRatings = (n: number) => (s.ratings > 0 ? n / s.ratings : null);
  return [
    { label: S.finished, value: s.finished, unit: 'count' },
    { label: S.ratings, value: s.ratings, unit: 'count' },
    { label: S.responseRate, value: s.responseRate, unit: 'share' },
    { label: S.mean, value: s.mean, unit: 'score' },
    { label: S.satisfiedLong, value: s.satisfiedShare, unit: 'share' },
    ...s.aspects.map((a): FigureRow => ({ label: `${S.mean}: ${ar.satisfaction.aspects[a.aspect]}`, value: a.mean, unit: 'score' })),
    ...s.distribution.map((d): FigureRow => ({ label: `${S.score} ${d.score}: ${ar.satisfaction.scores[d.score]}`, value: d.count, unit: 'count', share: ofRatings(d.count) })),
    { label: S.flagged, value: s.flagged, unit: 'count' },
  ];
}

/** P7: how the ratings were given (anonymous, kiosk or paper) and what became of the low ones. */
export function satisfactionRightRows(f: PeriodFigures): FigureRow[] {
  const s = f.satisfaction;
  const ofRatings = (n: number) => (s.ratings > 0 ? n / s.ratings : null);
  const R = ar.reports;
  return [
    { label: S.ratings, value: s.ratings, unit: 'count' },
    { label: R.satisfactionAnonymous, value: s.anonymous, unit: 'count', share: ofRatings(s.anonymous) },
    { label: ar.satisfaction.sources.kiosk!, value: s.bySource.kiosk, unit: 'count', share: ofRatings(s.bySource.kiosk) },
    { label: ar.satisfaction.sources.paper!, value: s.bySource.paper, unit: 'count', share: ofRatings(s.bySource.paper) },
    { label: R.satisfactionComments, value: s.withComment, unit: 'count' },
    { label: R.satisfactionLow, value: s.lowToFollow, unit: 'count' },
    { label: R.satisfactionFollowedUp, value: s.followedUp, unit: 'count', share: s.lowToFollow > 0 ? s.followedUp / s.lowToFollow : null },
  ];
}

/** A figure as text: "120 (85.3٪)", "12 د", "3.5", "1,500.00". */
export function figureText(row: FigureRow): string {
  if (row.value === null) return NO_FIGURE;
  switch (row.unit) {
    case 'count':
      return row.share === undefined ? countText(row.value) : countWithShare(row.value, row.share);
    case 'share':
      return shareText(row.value);
    case 'duration':
      return durationText(row.value);
    case 'days':
      return daysText(row.value);
    case 'riyal':
      return row.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'score':
      return `${daysText(row.value)} ${S.outOf5}`;
  }
}
