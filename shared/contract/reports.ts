import { z } from 'zod';
import type { Channel } from '../domain/channels';
import type { VisitReason, VisitState } from '../domain/visit';
import { ar } from '../labels/ar';
import { query } from './define';
import { isoDate } from './fields';
import type { SatisfactionSummary } from './satisfaction';

/** The file an export answers with, ready to show, print or save. */
export interface ReportFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The longest period one report covers: three years. A board reads a year at a time; a longer span
 * is more than one report (and its per-day table more than anyone reads).
 */
export const MAX_REPORT_DAYS = 1096;

/** Mean, median and 90th percentile (electron/core/figures/stats.ts) of some durations, in ms; null: none. */
export interface DurationFigures {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
}

/** S1: called visits against their reason's wait target (waitBand / isPastTarget). */
export interface TargetFigures {
  /** Visits called in the group: the ones a target applies to. */
  called: number;
  withinTarget: number;
  aboveTarget: number;
  /** withinTarget / called, 0–1; null when none was called. */
  withinShare: number | null;
}

export interface VisitGroupFigures {
  visits: number;
  wait: DurationFigures;
  target: TargetFigures;
}

export interface DayFigures extends VisitGroupFigures {
  /** YYYY-MM-DD, a business day of the period. */
  day: string;
  /** Left before being called. */
  left: number;
}

export interface ReasonFigures extends VisitGroupFigures {
  reason: VisitReason;
  /** The target the share was counted against (the settings when the report was made). */
  targetMinutes: number;
}

/** The desk that served the visitor (the researcher's, once they took a referral); deskId null: visits never called. */
export interface DeskFigures extends VisitGroupFigures {
  deskId: number | null;
  deskName: string | null;
  service: DurationFigures;
}

export interface HourFigures {
  /** 0–23, the hour of arrival at the association's clock. */
  hour: number;
  visits: number;
}

export interface WeekdayFigures {
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** How many such days the period has. */
  days: number;
  visits: number;
  /** Visits per such day; null when the period has none of it. */
  perDay: number | null;
}

export interface PeriodRequestFigures {
  /** Opened in the period (any channel). */
  opened: number;
  openedByChannel: Record<Channel, number>;
  /** Submitted to the committee in the period (S5). */
  submitted: number;
  /** Decided in the period, and how. */
  decided: number;
  accepted: number;
  rejected: number;
  /** Of those decided: on or before their expected answer date, and after it. */
  answeredWithinPeriod: number;
  answeredLate: number;
  /** Whole days from the submission day to the decision's day, over the decisions of the period. */
  decisionDays: { mean: number | null; longest: number | null };
  /** At the end of the period (or today, for a period not over yet): requests neither rejected nor closed. */
  stillOpen: {
    total: number;
    /** Opened, not yet submitted (draft, incomplete, complete). */
    beforeSubmission: number;
    awaitingCommittee: number;
    /** Awaiting past their expected answer date. */
    overdue: number;
    /** Accepted, in registration or service. */
    accepted: number;
  };
}

/** P8: complaints and suggestions of the period. */
export interface PeriodComplaintFigures {
  /** Received in the period, from any channel. */
  received: number;
  /** Of those, answered on or before their due date, and after it. */
  answeredWithinDue: number;
  answeredLate: number;
  /** At the end of the period (or today): received by then and not closed by then, whenever received. */
  stillOpen: number;
  /** Of those still open, unanswered past their due date. */
  overdue: number;
}

/** The period report's figures (reports.period without a format): what the reports screen shows. */
export interface PeriodFigures {
  from: string;
  to: string;
  /** The day the open requests are counted at: the period's last day, or today if the period is not over. */
  asOf: string;
  /** Days in the period. */
  days: number;
  committeePeriodDays: number;
  visits: {
    total: number;
    byState: Record<VisitState, number>;
    called: number;
    /** Left without being called. */
    leftBeforeServed: number;
    /** leftBeforeServed over the visits not cancelled; null when there are none. */
    leftRate: number | null;
    /** Arrival to call, or to leaving for a visitor never called. */
    wait: DurationFigures;
    /** Call to end of the visits that were called and ended. */
    service: DurationFigures;
    target: TargetFigures;
    /** Every day of the period, in order. */
    perDay: DayFigures[];
    /** The 24 hours of the day. */
    perHour: HourFigures[];
    /** Sunday to Saturday. */
    perWeekday: WeekdayFigures[];
    byReason: ReasonFigures[];
    byChannel: { channel: Channel; visits: number }[];
    byDesk: DeskFigures[];
  };
  requests: PeriodRequestFigures;
  complaints: PeriodComplaintFigures;
  /** P6, P7: the ratings of the period's finished visits (by the day the visit arrived). */
  satisfaction: SatisfactionSummary;
}

/** A period both of whose days exist, in order, and no longer than MAX_REPORT_DAYS. */
export function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: ar.reports.rangeReversed });
  else if (daysBetween(v.from, v.to) + 1 > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: ar.reports.rangeTooLong });
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const SUPERVISORS = ['supervisor', 'admin'] as const;

/**
 * The supervisor's reports (docs/design.md#around-the-desk-watching-and-reporting): public HTTP operations, named for integrators. A period is
 * two business days (YYYY-MM-DD at the association's clock), both included.
 */
export const reportOperations = {
  /**
   * The period report: visits per day, hour and weekday, by reason, channel and desk; waits and
   * service times; the wait targets kept (S1); requests opened, submitted, decided and still open
   * (S5). Without a format: the figures for the screen; with one: the PDF or the spreadsheet.
   */
  'reports.period': query<PeriodFigures | ReportFile>()({
    input: z.object({ from: isoDate, to: isoDate, format: z.enum(REPORT_FORMATS).optional() }).strict().superRefine(checkPeriod),
    access: SUPERVISORS,
  }),
  /** The board's evidence pack: each clause of the policy with the period's figures that show it kept. */
  'reports.evidence': query<ReportFile>()({
    input: z.object({ from: isoDate, to: isoDate, format: z.enum(REPORT_FORMATS) }).strict().superRefine(checkPeriod),
    access: SUPERVISORS,
  }),
} as const;
