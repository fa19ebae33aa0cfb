import { addDays, businessDay } from '../../../shared/dates/calendar';

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

/** Whole days from one day to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 0 Sunday … 6 Saturday, of a calendar day (no zone can move it). */
export function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

const QUARTER_MS = 900_000;

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(parts: Intl.DateTimeFormat, t: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second)) - (t - (t % 1000));
}

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** The instant a day starts at the zone's clock (its first moment, for a zone whose clocks skip midnight). */
export function dayStartIso(day: string, timeZone: string): string {
  const parts = partsFormat(timeZone);
  const wall = Date.parse(`${day}T00:00:00Z`);
  // Two rounds settle a zone whose offset differs on either side of the guess.
  let t = wall - offsetAt(parts, wall);
  t = wall - offsetAt(parts, t);
  // A midnight the clocks skipped: the day starts when they resume, still on that day.
  while (businessDay(new Date(t), timeZone) < day) t += QUARTER_MS;
  return new Date(t).toISOString();
}

/**
 * The business day and hour of stored instants at the zone's clock, for a year of visits: the
 * zone is asked once per quarter hour of UTC (no zone changes its offset more often), not once per visit.
 */
export function localClock(timeZone: string) {
  const parts = partsFormat(timeZone);
  const offsets = new Map<number, number>();
  const wallOf = (iso: string) => {
    const t = Date.parse(iso);
    const quarter = Math.floor(t / QUARTER_MS);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = offsetAt(parts, quarter * QUARTER_MS);
      offsets.set(quarter, offset);
    }
    return new Date(t + offset);
  };
  return {
    /** The instant as the zone's wall clock, read as UTC (how a spreadsheet's date cell holds it). */
    wallOf,
    dayOf(iso: string): string {
      return wallOf(iso).toISOString().slice(0, 10);
    },
    hourOf(iso: string): number {
      return wallOf(iso).getUTCHours();
    },
  };
}
