import type { Channel } from '@shared/domain/channels';
import { CHANNELS } from '@shared/domain/channels';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { policyClausesAr, type PolicyClauseId } from '@shared/labels/policy-clauses-ar';
import { complaintRows, satisfactionRightRows, satisfactionRows, type FigureRow } from '@shared/labels/report-rows';
import type { EvidenceFigures } from './evidence-figures';

/** One clause of the policy as the evidence pack shows it: its text and the figures that show it kept. */
export interface EvidenceSection {
  clause: PolicyClauseId;
  title: string;
  text: string;
  rows: FigureRow[];
  /** The channel mix (C1–C8), for the channels clause. */
  channels?: { channel: Channel; visits: number; requests: number }[];
  /** Nothing in the system measures the clause yet (P6–P8): said so, never a made-up zero. */
  noData?: boolean;
}

const E = printingAr.evidence;
const R = ar.reports;
const share = (n: number, of: number) => (of > 0 ? n / of : null);

/**
 * The pack's clauses in the policy's order (S1–S7, the channels, then P6–P8), each with its figures.
 * P6–P7 (satisfaction) are printed with «لا تتوفر بيانات بعد»: the board sees the clause and that it
 * is not evidenced yet. P8 counts the complaints and suggestions.
 */
export function evidenceSections(e: EvidenceFigures): EvidenceSection[] {
  const p = e.period;
  const v = p.visits;
  const q = p.requests;
  const received = v.total - v.byState.cancelled;
  const clause = (id: PolicyClauseId, rows: FigureRow[], extra: Partial<EvidenceSection> = {}): EvidenceSection => ({
    clause: id,
    title: policyClausesAr[id].title,
    text: policyClausesAr[id].text,
    rows,
    ...extra,
  });
  return [
    clause('S1', [
      { label: E.received, value: received, unit: 'count' },
      { label: E.calledForService, value: v.called, unit: 'count', share: share(v.called, received) },
      { label: R.meanWait, value: v.wait.meanMs, unit: 'duration' },
      { label: R.medianWait, value: v.wait.medianMs, unit: 'duration' },
      { label: R.p90Wait, value: v.wait.p90Ms, unit: 'duration' },
      { label: R.withinTarget, value: v.target.withinTarget, unit: 'count', share: v.target.withinShare },
      { label: R.aboveTarget, value: v.target.aboveTarget, unit: 'count', share: share(v.target.aboveTarget, v.target.called) },
      { label: R.leftBeforeServed, value: v.leftBeforeServed, unit: 'count', share: v.leftRate },
    ]),
    clause('S2', [
      { label: R.submitted, value: e.submissions.submitted, unit: 'count' },
      { label: E.submittedAllValid, value: e.submissions.allDocumentsValid, unit: 'count', share: share(e.submissions.allDocumentsValid, e.submissions.submitted) },
    ]),
    clause('S3', [
      { label: E.visitReferrals, value: e.visitReferrals.referred, unit: 'count' },
      { label: E.visitReferralsTaken, value: e.visitReferrals.taken, unit: 'count', share: share(e.visitReferrals.taken, e.visitReferrals.referred) },
      { label: E.visitReferralsLeft, value: e.visitReferrals.left, unit: 'count', share: share(e.visitReferrals.left, e.visitReferrals.referred) },
      { label: E.referralWaitMean, value: e.visitReferrals.toTake.meanMs, unit: 'duration' },
      { label: E.referralWaitP90, value: e.visitReferrals.toTake.p90Ms, unit: 'duration' },
      { label: E.requestReferrals, value: e.requestReferrals.referred, unit: 'count' },
      { label: E.requestReferralsAnswered, value: e.requestReferrals.answered, unit: 'count', share: share(e.requestReferrals.answered, e.requestReferrals.referred) },
      { label: E.requestReferralsOpen, value: e.requestReferrals.open, unit: 'count' },
      { label: E.referralAnswerMean, value: e.requestReferrals.toAnswer.meanMs, unit: 'duration' },
      { label: E.referralAnswerLongest, value: e.requestReferrals.longestMs, unit: 'duration' },
    ]),
    clause('S4', [
      { label: R.submitted, value: e.submissions.submitted, unit: 'count' },
      { label: E.submittedSigned, value: e.submissions.signedBeforeSubmission, unit: 'count', share: share(e.submissions.signedBeforeSubmission, e.submissions.submitted) },
      { label: E.signatures, value: e.signatures, unit: 'count' },
    ]),
    clause('S5', [
      { label: E.committeePeriod, value: p.committeePeriodDays, unit: 'days' },
      { label: R.decided, value: q.decided, unit: 'count' },
      { label: R.accepted, value: q.accepted, unit: 'count', share: share(q.accepted, q.decided) },
      { label: R.rejected, value: q.rejected, unit: 'count', share: share(q.rejected, q.decided) },
      { label: R.answeredWithinPeriod, value: q.answeredWithinPeriod, unit: 'count', share: share(q.answeredWithinPeriod, q.decided) },
      { label: R.answeredLate, value: q.answeredLate, unit: 'count', share: share(q.answeredLate, q.decided) },
      { label: R.decisionDaysMean, value: q.decisionDays.mean, unit: 'days' },
      { label: R.decisionDaysLongest, value: q.decisionDays.longest, unit: 'days' },
      { label: R.awaitingCommittee, value: q.stillOpen.awaitingCommittee, unit: 'count' },
      { label: R.overdue, value: q.stillOpen.overdue, unit: 'count' },
    ]),
    clause('S6', [
      { label: E.registered, value: e.steps.registered, unit: 'count' },
      { label: E.newFiles, value: e.newFiles, unit: 'count' },
    ]),
    clause('S7', [
      { label: E.delivered, value: e.steps.delivered, unit: 'count' },
      { label: E.deliveredAmount, value: e.steps.deliveredAmount, unit: 'riyal' },
      { label: E.closed, value: e.steps.closed, unit: 'count' },
    ]),
    clause('channels', [], {
      channels: CHANNELS.map((channel) => ({
        channel,
        visits: v.byChannel.find((c) => c.channel === channel)?.visits ?? 0,
        requests: q.openedByChannel[channel],
      })),
    }),
    clause('P6', satisfactionRows(p)),
    clause('P7', satisfactionRightRows(p)),
    clause('P8', complaintRows(p)),
  ];
}

