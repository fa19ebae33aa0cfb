/**
 * The few statistics the supervisor's screens and reports print, computed one way everywhere so the
 * board, the register's totals and the period report never disagree on the same visits.
 */

/** The mean, or null for no values (a day without visits has no average wait, not a zero one). */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * The p-th percentile by nearest rank (0 < p ≤ 100): the smallest value with at least p% of the values
 * at or below it — always one of the values, so a supervisor can check it by sorting the register.
 */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted([...values].sort((a, b) => a - b), p);
}

/** The same, of values already in ascending order (a year's waits are sorted once for several figures). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median as the 50th percentile by nearest rank (the lower middle of an even count). */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}
