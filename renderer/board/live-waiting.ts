import type { BoardWaitingVisit } from '@shared/contract';
import { isPastTarget, waitBand, type WaitBand, type WaitTargets } from '@shared/domain/wait-targets';

export interface LiveWaiting {
  count: number;
  longestMs: number | null;
  /** Past their target on the ticking clock, the longest wait first. */
  pastTarget: (BoardWaitingVisit & { liveMs: number; liveBand: WaitBand })[];
}

/**
 * The waiting visitors as the clock moves on between two answers of the core (S1): a visitor crosses
 * the target at the minute it happens, not at the next change in the hall. The bands are the core's
 * own function on the same targets.
 */
export function liveWaiting(visits: BoardWaitingVisit[], targets: WaitTargets | undefined, now: Date): LiveWaiting {
  const timed = visits.map((v) => {
    const liveMs = Math.max(v.waitedMs, now.getTime() - Date.parse(v.arrivedAt));
    return { ...v, liveMs, liveBand: targets ? waitBand(liveMs, targets[v.reason]) : v.band };
  });
  return {
    count: visits.length,
    longestMs: timed[0]?.liveMs ?? null,
    pastTarget: timed.filter((v) => (targets ? isPastTarget(v.liveMs, targets[v.reason]) : v.band === 'over' || v.band === 'critical')),
  };
}
