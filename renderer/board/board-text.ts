import { formatBothDates, formatDuration, formatWeekday } from '@shared/dates/calendar';

/** An axis label for a day: "9/3" (day/month), short enough for 30 of them under a chart. */
export function dayLabel(day: string): string {
  return `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}`;
}

/** A day in full, for a tooltip: "الأحد 9 رمضان 1446 هـ — 9 مارس 2025م". */
export function dayInFull(day: string): string {
  return `${formatWeekday(day)} ${formatBothDates(day)}`;
}

/** How long since an instant, on the ticking clock: "12 د", "1 س 5 د". */
export function since(instant: string, now: Date): string {
  return formatDuration(now.getTime() - Date.parse(instant));
}

/** A mean wait in whole minutes for the chart (one decimal below ten), or null for a day nobody was called. */
export function meanMinutes(ms: number | null): number | null {
  if (ms === null) return null;
  const minutes = ms / 60_000;
  return minutes < 10 ? Math.round(minutes * 10) / 10 : Math.round(minutes);
}
