import type { DayFigures, DeskFigures, DurationFigures, PeriodFigures, ReasonFigures, TargetFigures } from '@shared/contract/reports';
import { CHANNELS, type Channel } from '@shared/domain/channels';
import { VISIT_REASONS, VISIT_STATES, type VisitReason, type VisitState } from '@shared/domain/visit';
import { isPastTarget, type WaitTargets } from '@shared/domain/wait-targets';
import { mean, percentileOfSorted } from '../figures/stats';
import { daysOf, localClock, weekdayOf, type PeriodScope } from './period-scope';

/** A visit of the period as the report counts it. */
export interface ReportVisit {
  day: string;
  state: VisitState;
  reason: VisitReason;
  channel: Channel;
  arrivedAt: string;
  calledAt: string | null;
  endedAt: string | null;
  /** The desk serving or that served the visitor (the researcher's once a referral is taken). */
  servingDeskId: number | null;
}

/**
 * The wait as the register counts it (daily-register.ts waitingMs): to the call, or to leaving for a
 * visitor never called; unknown while still waiting. Here from instants already parsed.
 */
function waitOf(state: VisitState, arrived: number, called: number | null, ended: number | null): number | null {
  const until = called ?? (state === 'left' || state === 'cancelled' ? ended : null);
  if (until === null) return null;
  const ms = until - arrived;
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

export function durationFigures(values: readonly number[]): DurationFigures {
  // Sorted once, natively, for both ranks (a year's 100,000 waits, in several groups).
  const sorted = Float64Array.from(values).sort();
  return { count: values.length, meanMs: mean(sorted), medianMs: percentileOfSorted(sorted, 50), p90Ms: percentileOfSorted(sorted, 90) };
}

/** Waits and target counts of one group of visits (a day, a reason, a desk, the whole period). */
class Group {
  visits = 0;
  called = 0;
  above = 0;
  readonly waits: number[] = [];

  add(wait: number | null, calledWait: number | null, past: boolean) {
    this.visits++;
    if (wait !== null) this.waits.push(wait);
    if (calledWait !== null) {
      this.called++;
      if (past) this.above++;
    }
  }

  target(): TargetFigures {
    const within = this.called - this.above;
    return { called: this.called, withinTarget: within, aboveTarget: this.above, withinShare: this.called > 0 ? within / this.called : null };
  }

  figures() {
    return { visits: this.visits, wait: durationFigures(this.waits), target: this.target() };
  }
}

/**
 * The visits part of the period report, counted visit by visit as the store reads them. A visit
 * belongs to the day it arrived (its ticket's day), even when it was called or ended after midnight.
 */
export function visitCounter(scope: PeriodScope, targets: WaitTargets, desks: ReadonlyMap<number, string>) {
  const clock = localClock(scope.timeZone);
  const days = daysOf(scope);
  const all = new Group();
  const perDay = new Map(days.map((d) => [d, { group: new Group(), left: 0, weekday: weekdayOf(d) }]));
  const byReason = Object.fromEntries(VISIT_REASONS.map((r) => [r, new Group()])) as Record<VisitReason, Group>;
  const byDesk = new Map<number | null, { group: Group; services: number[] }>();
  const byState = Object.fromEntries(VISIT_STATES.map((s) => [s, 0])) as Record<VisitState, number>;
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  const perHour = new Array<number>(24).fill(0);
  const perWeekday = new Array<number>(7).fill(0);
  const services: number[] = [];
  let leftBeforeServed = 0;

  return {
    dayCount: days.length,

    count(v: ReportVisit) {
      // Each instant parsed once: a year is 100,000 visits.
      const arrived = Date.parse(v.arrivedAt);
      const called = v.calledAt ? Date.parse(v.calledAt) : null;
      const ended = v.endedAt ? Date.parse(v.endedAt) : null;
      const wait = waitOf(v.state, arrived, called, ended);
      const calledWait = called !== null ? wait : null;
      const past = calledWait !== null && isPastTarget(calledWait, targets[v.reason]);
      all.add(wait, calledWait, past);
      byReason[v.reason].add(wait, calledWait, past);
      const deskId = called !== null ? v.servingDeskId : null;
      let desk = byDesk.get(deskId);
      if (!desk) byDesk.set(deskId, (desk = { group: new Group(), services: [] }));
      desk.group.add(wait, calledWait, past);
      const day = perDay.get(v.day);
      if (day) {
        day.group.add(wait, calledWait, past);
        perWeekday[day.weekday]!++;
      }
      byState[v.state]++;
      byChannel[v.channel]++;
      perHour[clock.hourAt(arrived)]!++;
      if (v.state === 'left' && called === null) {
        leftBeforeServed++;
        if (day) day.left++;
      }
      const service = called !== null && ended !== null && ended >= called ? ended - called : null;
      if (service !== null) {
        services.push(service);
        desk.services.push(service);
      }
    },

    figures(): PeriodFigures['visits'] {
      const weekdayDays = new Array<number>(7).fill(0);
      for (const d of days) weekdayDays[weekdayOf(d)]!++;
      const notCancelled = all.visits - byState.cancelled;
      const deskRows: DeskFigures[] = [...byDesk.entries()]
        .map(([deskId, d]) => ({ deskId, deskName: deskId === null ? null : (desks.get(deskId) ?? null), ...d.group.figures(), service: durationFigures(d.services) }))
        // Desks by name, the visits never called last.
        .sort((a, b) => (a.deskId === null ? 1 : b.deskId === null ? -1 : (a.deskName ?? '').localeCompare(b.deskName ?? '', 'ar') || a.deskId - b.deskId));
      const dayRows: DayFigures[] = days.map((d) => ({ day: d, ...perDay.get(d)!.group.figures(), left: perDay.get(d)!.left }));
      const reasonRows: ReasonFigures[] = VISIT_REASONS.map((r) => ({ reason: r, targetMinutes: targets[r].targetMinutes, ...byReason[r].figures() }));
      return {
        total: all.visits,
        byState,
        called: all.called,
        leftBeforeServed,
        leftRate: notCancelled > 0 ? leftBeforeServed / notCancelled : null,
        wait: durationFigures(all.waits),
        service: durationFigures(services),
        target: all.target(),
        perDay: dayRows,
        perHour: perHour.map((visits, hour) => ({ hour, visits })),
        perWeekday: weekdayDays.map((n, weekday) => ({ weekday, days: n, visits: perWeekday[weekday]!, perDay: n > 0 ? perWeekday[weekday]! / n : null })),
        byReason: reasonRows,
        byChannel: CHANNELS.map((channel) => ({ channel, visits: byChannel[channel] })),
        byDesk: deskRows,
      };
    },
  };
}
