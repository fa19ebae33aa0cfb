import { zoneOffsetAt } from '@shared/dates/zone';

const QUARTER_MS = 900_000;

/**
 * A spreadsheet's date cells carry no time zone: a reader sees the number as a wall-clock date and
 * time. Each instant is therefore written as the association's wall clock (its parts in the zone,
 * read as if they were UTC, which is how exceljs turns a Date into the cell's number).
 */
export function wallClockOf(timeZone: string): (iso: string) => Date {
  // Zones change their offset on a quarter hour of UTC at most: asked once per quarter, not once per cell.
  const offsets = new Map<number, number>();
  const offsetAt = (t: number) => {
    const quarter = Math.floor(t / QUARTER_MS);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = zoneOffsetAt(quarter * QUARTER_MS, timeZone);
      offsets.set(quarter, offset);
    }
    return offset;
  };
  return (iso) => {
    const t = Date.parse(iso);
    return new Date(t + offsetAt(t));
  };
}

/** A business day (YYYY-MM-DD) as a date cell: midnight of that day, as a wall clock. */
export function dayCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
