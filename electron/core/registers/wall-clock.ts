const QUARTER_MS = 900_000;

/**
 * A spreadsheet's date cells carry no time zone: a reader sees the number as a wall-clock date and
 * time. Each instant is therefore written as the association's wall clock (its parts in the zone,
 * read as if they were UTC, which is how exceljs turns a Date into the cell's number).
 */
export function wallClockOf(timeZone: string): (iso: string) => Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  // Zones change their offset on a quarter hour of UTC at most: asked once per quarter, not once per cell.
  const offsets = new Map<number, number>();
  const offsetAt = (t: number) => {
    const quarter = Math.floor(t / QUARTER_MS);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const start = quarter * QUARTER_MS;
      const p = Object.fromEntries(parts.formatToParts(new Date(start)).map((x) => [x.type, x.value]));
      offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - start;
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
