import { formatDuration, formatWeekday } from '../dates/calendar';
import { formatCount } from './count';

/**
 * A report's figures as the screen and the printed report write them, one way for both: a missing
 * figure (no visit, no decision) is a dash, never a zero it is not.
 */
export const NO_FIGURE = '—';

/** "1,240". */
export function countText(n: number): string {
  return formatCount(n);
}

/** "85.3٪" of a share 0–1. */
export function shareText(share: number | null): string {
  if (share === null) return NO_FIGURE;
  return `${(Math.round(share * 1000) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 })}٪`;
}

const DAY_MS = 86_400_000;

/** "12 د" / "1 س 5 د" of a duration in ms; a day or more in days ("2.5 يوم"): a referral answered in 48 hours. */
export function durationText(ms: number | null): string {
  if (ms === null) return NO_FIGURE;
  return ms >= DAY_MS ? `${daysText(ms / DAY_MS)} يوم` : formatDuration(ms);
}

/** "3.5" days, one decimal at most. */
export function daysText(days: number | null): string {
  return days === null ? NO_FIGURE : days.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** "120 (85.3٪)": a count with its share of a whole. */
export function countWithShare(n: number, share: number | null): string {
  return share === null ? countText(n) : `${countText(n)} (${shareText(share)})`;
}

/** "08:00 ص": the hour of the day a row of the per-hour table starts. */
export function hourText(hour: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(h12).padStart(2, '0')}:00 ${hour < 12 ? 'ص' : 'م'}`;
}

/** The weekday's name, 0 Sunday … 6 Saturday. */
export function weekdayName(weekday: number): string {
  // 7 January 2024 was a Sunday.
  return formatWeekday(`2024-01-${String(7 + weekday).padStart(2, '0')}`);
}
