import { addDays, businessDay } from '@shared/dates/calendar';

export interface RotationPolicy {
  /** The newest backup of each of this many most recent days that have one. */
  daily: number;
  /** The newest backup of each of this many most recent weeks (Sunday to Saturday) that have one. */
  weekly: number;
}

export const ROTATION: RotationPolicy = { daily: 7, weekly: 4 };

export interface BackupAt {
  name: string;
  at: Date;
}

/**
 * Which backups rotation removes: everything but the newest of each of the last `daily` days and of
 * each of the last `weekly` weeks, days and weeks counted at the association's clock and only those
 * that have a backup — a desk closed for a month keeps its last backups, never none. The newest
 * backup is always kept.
 */
export function backupsToRemove(backups: readonly BackupAt[], timeZone: string, policy: RotationPolicy = ROTATION): string[] {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  const keepNewestPer = (keyOf: (b: BackupAt) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const key = keyOf(b);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(b.name);
    }
  };
  keepNewestPer((b) => businessDay(b.at, timeZone), policy.daily);
  keepNewestPer((b) => weekOf(businessDay(b.at, timeZone)), policy.weekly);
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** The Sunday a day's week starts on (the Saudi working week starts on Sunday). */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -weekday);
}
