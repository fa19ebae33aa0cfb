import { describe, expect, it } from 'vitest';
import { mean, median, percentile, percentileOfSorted } from '../../electron/core/figures/stats';

describe('the statistics every supervisor figure uses', () => {
  it('no values: no figure, not zero', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
  });

  it('the 90th percentile by nearest rank is one of the waits', () => {
    const waits = [12, 3, 7, 30, 5, 9, 1, 15, 4, 8];
    expect(percentile(waits, 90)).toBe(15); // the 9th of 10 sorted
    expect(percentile(waits, 100)).toBe(30);
    expect(percentile([42], 90)).toBe(42);
  });

  it('the waits sorted once give the same ranks and mean as each figure sorting its own copy', () => {
    const waits = [12, 3, 7, 30, 5, 9, 1, 15, 4, 8, 8];
    const sorted = Float64Array.from(waits).sort();
    for (const p of [1, 50, 90, 100]) expect(percentileOfSorted(sorted, p)).toBe(percentile(waits, p));
    expect(percentileOfSorted(sorted, 50)).toBe(median(waits));
    expect(mean(sorted)).toBe(mean(waits.slice().sort((a, b) => a - b)));
    expect(percentileOfSorted(new Float64Array(0), 90)).toBeNull();
  });

  it('mean and median of a small day', () => {
    expect(mean([10, 20, 30, 40])).toBe(25);
    expect(median([10, 20, 30, 40])).toBe(20);
    expect(median([5, 1, 3])).toBe(3);
  });
});
