import { addDays, businessDay } from '@shared/dates/calendar';
import { dayStartIso, zoneOffsetAt } from '@shared/dates/zone';

/**
 * A report's period as the store is asked about it. Days (YYYY-MM-DD) are business days at the
 * association's clock, both ends included; instants (UTC ISO strings, as the store keeps them) are
 * compared with the period's edges at that clock's midnights.
 */
export interface PeriodScope {
  from: string;
  to: string;
  /** The day open requests are counted at: `to`, or today while the period is not over. */
  asOf: string;
  timeZone: string;
  /** Midnight starting `from`, midnight ending `to`, midnight ending `asOf`: UTC ISO instants. */
  startIso: string;
  endIso: string;
  asOfEndIso: string;
}

export function periodScope(from: string, to: string, now: Date, timeZone: string): PeriodScope {
  const today = businessDay(now, timeZone);
  const asOf = to < today ? to : today;
  return {
    from,
    to,
    asOf,
    timeZone,
    startIso: dayStartIso(from, timeZone),
    endIso: dayStartIso(addDays(to, 1), timeZone),
    asOfEndIso: dayStartIso(addDays(asOf, 1), timeZone),
  };
}

/** Every day of the period, in order. */
export function daysOf(scope: Pick<PeriodScope, 'from' | 'to'>): string[] {
  const out: string[] = [];
  for (let d = scope.from; d <= scope.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The period cut at month ends: [first day, last day] of each part, in order. */
export function monthsOf(scope: Pick<PeriodScope, 'from' | 'to'>): [string, string][] {
  const out: [string, string][] = [];
  for (let first = scope.from; first <= scope.to; ) {
    const nextMonth = `${addDays(`${first.slice(0, 8)}01`, 32).slice(0, 8)}01`;
    const monthEnd = addDays(nextMonth, -1);
    out.push([first, monthEnd < scope.to ? monthEnd : scope.to]);
    first = nextMonth;
  }
  return out;
}

/** Whole days from one day to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 0 Sunday … 6 Saturday, of a calendar day (no zone can move it). */
export function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;

/**
 * The business day and hour of stored instants at the zone's clock, for a year of visits: the zone is
 * asked about each UTC day's two ends, and only a day whose offset changes in between (a clock change)
 * is asked again quarter hour by quarter hour (no zone changes its offset more often) — not once per visit.
 */
export function localClock(timeZone: string) {
  const days = new Map<number, number | null>();
  const quarters = new Map<number, number>();
  const dayTexts = new Map<number, string>();
  const offsetOf = (t: number) => {
    const day = Math.floor(t / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      const first = zoneOffsetAt(day * DAY_MS, timeZone);
      offset = first === zoneOffsetAt((day + 1) * DAY_MS - 1000, timeZone) ? first : null;
      days.set(day, offset);
    }
    if (offset !== null) return offset;
    const quarter = Math.floor(t / QUARTER_MS);
    let exact = quarters.get(quarter);
    if (exact === undefined) quarters.set(quarter, (exact = zoneOffsetAt(quarter * QUARTER_MS, timeZone)));
    return exact;
  };
  const wallOf = (iso: string) => {
    const t = Date.parse(iso);
    return new Date(t + offsetOf(t));
  };
  return {
    /** The instant as the zone's wall clock, read as UTC (how a spreadsheet's date cell holds it). */
    wallOf,
    dayOf(iso: string): string {
      const t = Date.parse(iso);
      const n = Math.floor((t + offsetOf(t)) / DAY_MS);
      // A year of decisions falls on a few hundred days: each day's text made once.
      let day = dayTexts.get(n);
      if (day === undefined) dayTexts.set(n, (day = new Date(n * DAY_MS).toISOString().slice(0, 10)));
      return day;
    },
    /** The hour (0–23) of an instant given in ms. */
    hourAt(t: number): number {
      return Math.floor((t + offsetOf(t)) / 3_600_000) % 24;
    },
  };
}
