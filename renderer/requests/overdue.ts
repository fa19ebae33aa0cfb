const DAY_MS = 86_400_000;

/** Whole days from one calendar day (YYYY-MM-DD) to a later one; S5's "days late" past the expected answer date. */
export function daysLate(expected: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${expected}T00:00:00Z`)) / DAY_MS));
}
