import { businessDay } from '@shared/dates/calendar';

/** What the "is a backup due" decisions look at: the last runs as recorded in the store. */
export interface BackupHistory {
  /** When the last backup that completed and verified finished; null if none ever did. */
  lastGoodAt: Date | null;
  /** When the last attempt (good or failed) started; null if none. */
  lastAttemptAt: Date | null;
  /** A backup is being written now (this process or another desk's). */
  running: boolean;
}

/** After a failed daily backup, how long the schedule waits before it tries again. */
export const RETRY_AFTER_MS = 60 * 60_000;
/** A closing backup is skipped when a good one is more recent than this. */
export const CLOSING_GAP_MS = 15 * 60_000;
/** The administrator is warned when the last good backup is older than this. */
export const STALE_AFTER_MS = 2 * 24 * 60 * 60_000;

/**
 * The daily backup is due when none completed today (the association's day), none is running, and
 * the last attempt is not a failure of the last hour (a full disk is not hammered every few minutes).
 */
export function dailyBackupDue(history: BackupHistory, now: Date, timeZone: string): boolean {
  if (history.running) return false;
  if (history.lastGoodAt && businessDay(history.lastGoodAt, timeZone) === businessDay(now, timeZone)) return false;
  const failedLately =
    history.lastAttemptAt !== null &&
    (history.lastGoodAt === null || history.lastAttemptAt > history.lastGoodAt) &&
    now.getTime() - history.lastAttemptAt.getTime() < RETRY_AFTER_MS;
  return !failedLately;
}

/** On closing the app: a backup unless one is running or a good one was made in the last minutes. */
export function closingBackupDue(history: BackupHistory, now: Date): boolean {
  if (history.running) return false;
  return history.lastGoodAt === null || now.getTime() - history.lastGoodAt.getTime() >= CLOSING_GAP_MS;
}

/**
 * The administrator's warning: the last good backup is older than two days — or there has never been
 * one and the store itself is older than that (a new store gets its first backup within minutes).
 */
export function backupIsStale(lastGoodAt: Date | null, storeCreatedAt: Date | null, now: Date): boolean {
  const since = lastGoodAt ?? storeCreatedAt;
  return since !== null && now.getTime() - since.getTime() > STALE_AFTER_MS;
}
