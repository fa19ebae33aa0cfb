import { describe, expect, it } from 'vitest';
import { completeWaitTargets, DEFAULT_WAIT_TARGETS, isPastTarget, waitBand } from '@shared/domain/wait-targets';

const inquiry = { warningMinutes: 10, targetMinutes: 15, criticalMinutes: 30 };
const min = (m: number) => m * 60_000;

describe('S1: a wait against its target', () => {
  it.each([
    [0, 'within'],
    [9.9, 'within'],
    [10, 'warning'],
    [15, 'warning'],
    [15.01, 'over'],
    [29.9, 'over'],
    [30, 'critical'],
    [240, 'critical'],
  ] as const)('%s minutes is %s', (minutes, band) => {
    expect(waitBand(min(minutes), inquiry)).toBe(band);
  });

  it('exactly at target is within it; a second later it is above', () => {
    expect(isPastTarget(min(15), inquiry)).toBe(false);
    expect(isPastTarget(min(15) + 1000, inquiry)).toBe(true);
  });

  it('a stored table missing a reason, or with a reason out of order, falls back to the default for it', () => {
    const t = completeWaitTargets({ inquiry: { warningMinutes: 2, targetMinutes: 4, criticalMinutes: 6 }, complaint: { warningMinutes: 9, targetMinutes: 3, criticalMinutes: 1 } });
    expect(t.inquiry.targetMinutes).toBe(4);
    expect(t.complaint).toEqual(DEFAULT_WAIT_TARGETS.complaint);
    expect(t.volunteering).toEqual(DEFAULT_WAIT_TARGETS.volunteering);
  });
});
