import { businessDay } from './calendar';

/** One formatter per zone: asked for an instant's parts at the zone's clock. */
const formats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms: its clock's reading there, as if it were UTC, less the instant. */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  const p = Object.fromEntries(partsFormat(timeZone).formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

const QUARTER_MS = 900_000;

/**
 * The instant a day starts at the zone's clock, as stored instants are written (UTC ISO): its local
 * midnight, or its first moment for a zone whose clocks skip midnight.
 */
export function dayStartIso(day: string, timeZone: string): string {
  const wall = Date.parse(`${day}T00:00:00Z`);
  // Two rounds settle a zone whose offset differs on either side of the guess (a clock change that night).
  let t = wall - zoneOffsetAt(wall, timeZone);
  t = wall - zoneOffsetAt(t, timeZone);
  // A midnight the clocks skipped: the day starts when they resume, still on that day.
  while (businessDay(new Date(t), timeZone) < day) t += QUARTER_MS;
  return new Date(t).toISOString();
}
