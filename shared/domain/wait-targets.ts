import { VISIT_REASONS, type VisitReason } from './visit';

/**
 * How long a visitor may wait for a reason, in whole minutes from arrival to being called (S1). A
 * wait reaches the warning band at `warningMinutes` (the desk should hurry), is past target beyond
 * `targetMinutes` (what reports count as "above target"), and critical from `criticalMinutes` (the
 * supervisor should step in). Always warning < target < critical.
 */
export interface WaitTarget {
  warningMinutes: number;
  targetMinutes: number;
  criticalMinutes: number;
}

export type WaitTargets = Record<VisitReason, WaitTarget>;

/** Upper bound of any band: a working day. */
export const MAX_TARGET_MINUTES = 600;

/**
 * Until the association sets its own: a question is answered quickly, a new request takes a file
 * and a form, so it may wait longer.
 */
export const DEFAULT_WAIT_TARGETS: WaitTargets = {
  inquiry: { warningMinutes: 10, targetMinutes: 15, criticalMinutes: 30 },
  new_request: { warningMinutes: 20, targetMinutes: 30, criticalMinutes: 60 },
  follow_up: { warningMinutes: 15, targetMinutes: 20, criticalMinutes: 40 },
  missing_documents: { warningMinutes: 15, targetMinutes: 20, criticalMinutes: 40 },
  receive_aid: { warningMinutes: 15, targetMinutes: 20, criticalMinutes: 40 },
  complaint: { warningMinutes: 10, targetMinutes: 15, criticalMinutes: 30 },
  volunteering: { warningMinutes: 20, targetMinutes: 30, criticalMinutes: 60 },
  other: { warningMinutes: 15, targetMinutes: 20, criticalMinutes: 40 },
};

/** How a wait stands against its target, in rising order of urgency. */
export const WAIT_BANDS = ['within', 'warning', 'over', 'critical'] as const;
export type WaitBand = (typeof WAIT_BANDS)[number];

/** The band of a wait of `waitedMs` against `target`: a wait exactly at the target is still within it. */
export function waitBand(waitedMs: number, target: WaitTarget): WaitBand {
  const minutes = waitedMs / 60_000;
  if (minutes >= target.criticalMinutes) return 'critical';
  if (minutes > target.targetMinutes) return 'over';
  if (minutes >= target.warningMinutes) return 'warning';
  return 'within';
}

/** Whether a wait counts as above target in reports (S1): past the target, critical included. */
export function isPastTarget(waitedMs: number, target: WaitTarget): boolean {
  return waitedMs > target.targetMinutes * 60_000;
}

/**
 * The stored targets over the defaults, reason by reason: a store written before a reason existed,
 * or holding a partial change, still has a whole, ordered table.
 */
export function completeWaitTargets(stored: Partial<Record<string, Partial<WaitTarget>>> | null | undefined): WaitTargets {
  const out = {} as WaitTargets;
  for (const reason of VISIT_REASONS) {
    const merged = { ...DEFAULT_WAIT_TARGETS[reason], ...(stored?.[reason] ?? {}) };
    out[reason] = isOrdered(merged) ? merged : DEFAULT_WAIT_TARGETS[reason];
  }
  return out;
}

export function isOrdered(t: WaitTarget): boolean {
  return t.warningMinutes < t.targetMinutes && t.targetMinutes < t.criticalMinutes;
}
