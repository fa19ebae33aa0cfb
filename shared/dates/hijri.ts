import { toAsciiDigits } from '../text/digits';

/**
 * Hijri (Umm al-Qura) ⇄ Gregorian for calendar dates, from the one source the whole app uses: ICU's
 * `islamic-umalqura` calendar (ICU; `islamic` and `islamic-tbla` are a day off). Saudi IDs print a Hijri expiry, so
 * clerks type Hijri dates; the store keeps the exact Gregorian ISO date.
 */
export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

const partsFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Hijri date of a Gregorian ISO date (YYYY-MM-DD). */
export function toHijri(isoDate: string): HijriDate {
  const parts = partsFormat.formatToParts(new Date(`${isoDate}T12:00:00Z`));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

const DAY_MS = 86_400_000;
// 1 Muharram 1 AH ≈ 622-07-16 (Julian); good enough to land within a few days, then ICU decides.
const EPOCH_MS = Date.UTC(622, 6, 19);
const MEAN_YEAR = 354.36667;
const MEAN_MONTH = 29.530589;

/** The Gregorian ISO date of a Hijri date, or null when that day does not exist (e.g. 30 of a 29-day month). */
export function hijriToGregorian({ year, month, day }: HijriDate): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 30 || year < 1343 || year > 1500) return null;
  const estimate = EPOCH_MS + Math.round((year - 1) * MEAN_YEAR + (month - 1) * MEAN_MONTH + (day - 1)) * DAY_MS;
  for (let offset = -6; offset <= 6; offset++) {
    const iso = new Date(estimate + offset * DAY_MS).toISOString().slice(0, 10);
    const h = toHijri(iso);
    if (h.year === year && h.month === month && h.day === day) return iso;
  }
  return null;
}

/** A real Gregorian calendar date in ISO form (2025-02-30 is not one). */
export function isRealIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export type DateCalendar = 'gregorian' | 'hijri';

/**
 * A date as a clerk types it — "1447/09/15", "15/9/1447", "2026-03-05", "5/3/2026", Arabic-Indic
 * digits — read in the given calendar; the ISO Gregorian date, or null when no such day exists.
 */
export function parseDateInput(text: string, calendar: DateCalendar): string | null {
  const s = toAsciiDigits(text).trim();
  const m = /^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})$/.exec(s);
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Year first (1447/09/15) or day first (15/09/1447).
  const [year, month, day] = m[1]!.length === 4 ? [a, b, c] : m[3]!.length === 4 ? [c, b, a] : [NaN, NaN, NaN];
  if (calendar === 'hijri') return hijriToGregorian({ year, month, day });
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : null;
}

/** "1447/09/15" */
export function formatHijriNumeric(isoDate: string): string {
  const h = toHijri(isoDate);
  return `${h.year}/${String(h.month).padStart(2, '0')}/${String(h.day).padStart(2, '0')}`;
}
