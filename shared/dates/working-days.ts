/**
 * Working days of a Saudi association: Sunday to Thursday; Friday and Saturday are the weekend.
 * Days are calendar days (YYYY-MM-DD), read at noon UTC so that no zone moves them.
 */
const WEEKEND: readonly number[] = [5, 6];

function shift(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(day: string): boolean {
  return !WEEKEND.includes(new Date(`${day}T12:00:00Z`).getUTCDay());
}

/**
 * The day `count` working days after `day`: the day itself never counts, so a complaint received on
 * Thursday with five days is due the next Thursday, and one received on Friday the Thursday after
 * (Sunday is its first day). Zero gives the day itself.
 */
export function addWorkingDays(day: string, count: number): string {
  let out = day;
  for (let left = count; left > 0; ) {
    out = shift(out, 1);
    if (isWorkingDay(out)) left--;
  }
  return out;
}
