import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates/calendar';
import { formatHijriNumeric, hijriToGregorian, isRealIsoDate, parseDateInput, toHijri } from '@shared/dates/hijri';

/**
 * Hijri (Umm al-Qura) ⇄ Gregorian for the dates clerks type (ID expiries are printed Hijri, S2):
 * every day converts there and back, a day that does not exist is refused, and the usual ways of
 * writing a date are read.
 */
describe('Hijri ⇄ Gregorian', () => {
  it('2024-02-14, the day the board approved the policy, is 4 Sha\'ban 1445, and back', () => {
    expect(toHijri('2024-02-14')).toEqual({ year: 1445, month: 8, day: 4 });
    expect(hijriToGregorian({ year: 1445, month: 8, day: 4 })).toBe('2024-02-14');
    expect(formatHijriNumeric('2024-02-14')).toBe('1445/08/04');
  });

  it('known Umm al-Qura month starts (Ramadan 1445, Muharram 1446, Ramadan 1447)', () => {
    expect(hijriToGregorian({ year: 1445, month: 9, day: 1 })).toBe('2024-03-11');
    expect(hijriToGregorian({ year: 1446, month: 1, day: 1 })).toBe('2024-07-07');
    expect(hijriToGregorian({ year: 1447, month: 9, day: 1 })).toBe('2026-02-18');
  });

  it('every day from 1940 to 2075 converts to Hijri and back to itself; each Hijri month has 29 or 30 days', () => {
    const monthLength = new Map<string, number>();
    let previous = toHijri('1939-12-31');
    let day = '1940-01-01';
    let count = 0;
    const wrong: string[] = [];
    while (day <= '2075-12-31') {
      const h = toHijri(day);
      if (hijriToGregorian(h) !== day) wrong.push(`${day} → ${JSON.stringify(h)}`);
      // Consecutive days are consecutive Hijri days: the next day of the month, or the 1st of the next.
      const next = h.day === previous.day + 1 && h.month === previous.month && h.year === previous.year;
      const newMonth = h.day === 1 && (h.month === previous.month + 1 ? h.year === previous.year : h.month === 1 && previous.month === 12 && h.year === previous.year + 1);
      if (!next && !newMonth) wrong.push(`${day}: ${JSON.stringify(previous)} → ${JSON.stringify(h)}`);
      const key = `${h.year}/${h.month}`;
      monthLength.set(key, Math.max(monthLength.get(key) ?? 0, h.day));
      previous = h;
      day = addDays(day, 1);
      count++;
    }
    expect(count).toBe(136 * 365 + 34); // 34 leap days, 2000 among them
    expect(wrong).toEqual([]);

    // The first and last months seen are partial; every whole month in between is 29 or 30 days long.
    const whole = [...monthLength.entries()].slice(1, -1);
    expect(whole.length).toBeGreaterThan(1600);
    const lengths = new Set(whole.map(([, n]) => n));
    expect([...lengths].sort()).toEqual([29, 30]);
    // The 30th of a 29-day month does not exist; the 30th of a 30-day month does.
    for (const [key, length] of whole) {
      const [year, month] = key.split('/').map(Number) as [number, number];
      const thirtieth = hijriToGregorian({ year, month, day: 30 });
      if (length === 29) expect(thirtieth, key).toBeNull();
      else expect(thirtieth, key).not.toBeNull();
    }
  });

  it('refuses what is not a Hijri day', () => {
    expect(hijriToGregorian({ year: 1445, month: 8, day: 30 })).toBeNull(); // Sha'ban 1445 had 29 days
    expect(hijriToGregorian({ year: 1445, month: 8, day: 31 })).toBeNull();
    expect(hijriToGregorian({ year: 1445, month: 13, day: 1 })).toBeNull();
    expect(hijriToGregorian({ year: 1445, month: 0, day: 1 })).toBeNull();
    expect(hijriToGregorian({ year: 1445, month: 8, day: 0 })).toBeNull();
    expect(hijriToGregorian({ year: 1445.5, month: 8, day: 1 })).toBeNull();
    expect(hijriToGregorian({ year: Number.NaN, month: 8, day: 1 })).toBeNull();
  });
});

describe('parseDateInput: a date as a clerk types it', () => {
  it.each([
    ['1447/09/15', 'hijri', '2026-03-04'],
    ['15/9/1447', 'hijri', '2026-03-04'],
    ['1447-9-15', 'hijri', '2026-03-04'],
    ['15.09.1447', 'hijri', '2026-03-04'],
    ['١٤٤٧/٠٩/١٥', 'hijri', '2026-03-04'],
    ['١٥/٩/١٤٤٧', 'hijri', '2026-03-04'],
    ['۱۴۴۷/۰۹/۱۵', 'hijri', '2026-03-04'], // Persian digits
    ['  1445/08/04 ', 'hijri', '2024-02-14'],
    ['2026-03-04', 'gregorian', '2026-03-04'],
    ['4/3/2026', 'gregorian', '2026-03-04'],
    ['٢٠٢٤/٠٢/٢٩', 'gregorian', '2024-02-29'],
  ] as const)('%s (%s) → %s', (text, calendar, iso) => {
    expect(parseDateInput(text, calendar)).toBe(iso);
  });

  it.each([
    ['1445/08/30', 'hijri'], // 30 Sha'ban 1445 does not exist
    ['30/8/1445', 'hijri'],
    ['1447/13/01', 'hijri'],
    ['2025-02-30', 'gregorian'],
    ['2025-02-29', 'gregorian'],
    ['31/4/2025', 'gregorian'],
    ['2025-13-01', 'gregorian'],
    ['', 'hijri'],
    ['   ', 'gregorian'],
    ['غداً', 'hijri'],
    ['abc', 'gregorian'],
    ['15/09/47', 'hijri'], // a two-digit year is ambiguous
    ['1447/09', 'hijri'],
    ['1447/09/15/1', 'hijri'],
    ['1447//15', 'hijri'],
    ['0/0/0', 'gregorian'],
    ['2026-03-04T00:00', 'gregorian'],
  ] as const)('refuses %j (%s)', (text, calendar) => {
    expect(parseDateInput(text, calendar)).toBeNull();
  });
});

describe('isRealIsoDate (the contract\'s date check)', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-02-28', true],
    ['2025-02-29', false],
    ['2100-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-00-10', false],
    ['2025-1-5', false],
    ['20250105', false],
    ['', false],
  ] as const)('%s → %s', (iso, real) => {
    expect(isRealIsoDate(iso)).toBe(real);
  });
});
