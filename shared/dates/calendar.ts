/**
 * Dates as the desk shows them (docs/architecture.md "Dates"): Hijri Umm al-Qura beside Gregorian, in the
 * desk's time zone. Always name the calendar and the numbering system: plain `ar-SA` changed its
 * default calendar between ICU versions, and `islamic`/`islamic-tbla` are a day off.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Riyadh';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

const HIJRI = 'ar-SA-u-ca-islamic-umalqura-nu-latn';
const GREGORIAN = 'ar-SA-u-ca-gregory-nu-latn';

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date or a time is one unit on screen and on paper: its parts are joined by no-break spaces, so
 * a line never ends inside it («1 ⏎ رجب 1448 هـ»). The PDF layout wraps only at breakable spaces too.
 */
function keepTogether(text: string): string {
  return text.replace(/\s/g, '\u00a0');
}

function toDate(d: Date | string): Date {
  if (d instanceof Date) return d;
  // A bare calendar date (YYYY-MM-DD) is a day, not an instant: read it at noon UTC and show it in UTC
  // (zoneOf), so no zone moves it (noon alone is not enough for UTC+13/+14).
  return BARE_DATE.test(d) ? new Date(`${d}T12:00:00Z`) : new Date(d);
}

function zoneOf(d: Date | string, timeZone: string): string {
  return typeof d === 'string' && BARE_DATE.test(d) ? 'UTC' : timeZone;
}

/** "4 شعبان 1445 هـ" */
export function formatHijri(d: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return keepTogether(fmt(HIJRI, { timeZone: zoneOf(d, timeZone), day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(d)));
}

/** "14 فبراير 2024م" */
export function formatGregorian(d: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return keepTogether(fmt(GREGORIAN, { timeZone: zoneOf(d, timeZone), day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(d)) + 'م');
}

/** Both calendars, Hijri first as Saudi forms print them. */
export function formatBothDates(d: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatHijri(d, timeZone)} — ${formatGregorian(d, timeZone)}`;
}

/** "09:05 ص" in the desk's zone. */
export function formatTime(d: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return keepTogether(fmt('ar-SA-u-nu-latn', { timeZone, hour: '2-digit', minute: '2-digit', hour12: true }).format(toDate(d)));
}

export function formatWeekday(d: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return fmt(GREGORIAN, { timeZone: zoneOf(d, timeZone), weekday: 'long' }).format(toDate(d));
}

/** The business day (YYYY-MM-DD) an instant falls on at the desk: the ticket sequence resets at local midnight. */
export function businessDay(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = fmt('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "12 د" / "1 س 5 د": a waiting time in minutes, short. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60000));
  if (minutes < 60) return `${minutes} د`;
  return `${Math.floor(minutes / 60)} س ${minutes % 60} د`;
}

/** A calendar date plus whole days (YYYY-MM-DD in, YYYY-MM-DD out; no time zone can move it). */
export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
