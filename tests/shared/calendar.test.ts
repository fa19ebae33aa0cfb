import { describe, expect, it } from 'vitest';
import * as calendar from '@shared/dates/calendar';
import { businessDay } from '@shared/dates/calendar';

// The formatters join a date's parts with no-break spaces (tests/core/printing/dates-kept-together.test.ts): read with plain spaces here.
const plain =
  <A extends unknown[]>(format: (...args: A) => string) =>
  (...args: A) =>
    format(...args).replace(/\u00a0/g, ' ');
const formatHijri = plain(calendar.formatHijri);
const formatGregorian = plain(calendar.formatGregorian);
const formatBothDates = plain(calendar.formatBothDates);
const formatTime = plain(calendar.formatTime);

describe('Hijri (Umm al-Qura) and Gregorian dates', () => {
  it('2024-02-14, the day the board approved the policy, is 4 Sha\'ban 1445', () => {
    const hijri = formatHijri('2024-02-14');
    expect(hijri).toContain('4 شعبان 1445');
    expect(hijri).toMatch(/هـ/);
    expect(formatHijri(new Date('2024-02-14T09:00:00Z'))).toContain('4 شعبان 1445');
    expect(formatGregorian('2024-02-14')).toContain('14 فبراير 2024');
  });

  it('uses Umm al-Qura, not the tabular Islamic calendar', () => {
    // Ramadan 1445 began on Monday 11 March 2024 and Muharram 1446 on Sunday 7 July 2024 in Saudi Arabia.
    expect(formatHijri('2024-03-11')).toContain('1 رمضان 1445');
    expect(formatHijri('2024-07-07')).toContain('1 محرم 1446');
  });

  it('an instant is dated in the desk\'s zone: 21:30 UTC is already the next day in Riyadh', () => {
    expect(formatHijri(new Date('2024-02-14T21:30:00Z'))).toContain('5 شعبان 1445');
    expect(formatGregorian(new Date('2024-02-14T21:30:00Z'))).toContain('15 فبراير 2024');
    expect(formatTime(new Date('2024-02-14T06:05:00Z'))).toMatch(/^09:05/);
  });

  it('a bare calendar date is the same day in any zone', () => {
    expect(formatGregorian('2024-02-14', 'Pacific/Kiritimati')).toContain('14 فبراير 2024');
    expect(formatGregorian('2024-02-14', 'Pacific/Pago_Pago')).toContain('14 فبراير 2024');
  });

  it('prints Latin digits and both calendars, Hijri first', () => {
    const both = formatBothDates('2024-02-14');
    expect(both).not.toMatch(/[\u0660-\u0669]/);
    expect(both.indexOf('شعبان')).toBeLessThan(both.indexOf('فبراير'));
  });
});

describe('businessDay: the desk\'s local day (Asia/Riyadh, UTC+3)', () => {
  it('changes at Riyadh midnight, 21:00 UTC', () => {
    expect(businessDay(new Date('2024-02-14T20:59:59Z'))).toBe('2024-02-14');
    expect(businessDay(new Date('2024-02-14T20:59:59.999Z'))).toBe('2024-02-14');
    expect(businessDay(new Date('2024-02-14T21:00:00Z'))).toBe('2024-02-15');
  });

  it('does not change at UTC midnight', () => {
    expect(businessDay(new Date('2024-02-14T23:59:59Z'))).toBe('2024-02-15');
    expect(businessDay(new Date('2024-02-15T00:00:01Z'))).toBe('2024-02-15');
  });

  it('follows the zone it is given', () => {
    expect(businessDay(new Date('2024-02-14T21:00:00Z'), 'UTC')).toBe('2024-02-14');
    expect(businessDay(new Date('2024-12-31T21:00:00Z'))).toBe('2025-01-01');
  });
});
