import { describe, expect, it } from 'vitest';
import { backupFileName, backupTimeOf, partialFileName, partialOwner } from '../../electron/core/backup/backup-names';
import { backupsToRemove, weekOf } from '../../electron/core/backup/rotation';
import { backupIsStale, closingBackupDue, dailyBackupDue, type BackupHistory } from '../../electron/core/backup/schedule';

/**
 * Automatic backups (docs/architecture.md#backups): whether a backup is due, and which backups rotation keeps, decided by
 * pure functions from given dates (the shells' timer only asks them), at the association's clock.
 */
const ZONE = 'Asia/Riyadh';
const at = (iso: string) => new Date(iso);
const none: BackupHistory = { lastGoodAt: null, lastAttemptAt: null, running: false };

describe('the daily backup is due', () => {
  it('on a store that never had a backup', () => {
    expect(dailyBackupDue(none, at('2024-02-14T06:00:00Z'), ZONE)).toBe(true);
  });

  it('not again the same Riyadh day once one succeeded, due again the next day', () => {
    const history = { lastGoodAt: at('2024-02-14T05:00:00Z'), lastAttemptAt: at('2024-02-14T05:00:00Z'), running: false };
    expect(dailyBackupDue(history, at('2024-02-14T20:59:00Z'), ZONE)).toBe(false); // 23:59 in Riyadh
    expect(dailyBackupDue(history, at('2024-02-14T21:01:00Z'), ZONE)).toBe(true); // 00:01 the next day there
  });

  it('not while a backup is running (here or on another desk)', () => {
    expect(dailyBackupDue({ ...none, running: true }, at('2024-02-14T06:00:00Z'), ZONE)).toBe(false);
  });

  it('after a failure, only once an hour has passed (a full disk is not hammered)', () => {
    const failed = { lastGoodAt: at('2024-02-12T05:00:00Z'), lastAttemptAt: at('2024-02-14T06:00:00Z'), running: false };
    expect(dailyBackupDue(failed, at('2024-02-14T06:59:00Z'), ZONE)).toBe(false);
    expect(dailyBackupDue(failed, at('2024-02-14T07:00:00Z'), ZONE)).toBe(true);
  });
});

describe('the closing backup', () => {
  it('runs when the app closes, unless a good one is less than a quarter of an hour old', () => {
    const now = at('2024-02-14T14:00:00Z');
    expect(closingBackupDue(none, now)).toBe(true);
    expect(closingBackupDue({ ...none, lastGoodAt: at('2024-02-14T13:50:00Z') }, now)).toBe(false);
    expect(closingBackupDue({ ...none, lastGoodAt: at('2024-02-14T13:45:00Z') }, now)).toBe(true);
    expect(closingBackupDue({ ...none, running: true }, now)).toBe(false);
  });
});

describe("the administrator's warning", () => {
  it('shows when the last good backup is older than two days, not before', () => {
    const now = at('2024-02-14T06:00:00Z');
    expect(backupIsStale(at('2024-02-12T06:00:00Z'), null, now)).toBe(false);
    expect(backupIsStale(at('2024-02-12T05:59:00Z'), null, now)).toBe(true);
  });

  it('on a store with no backup at all, once the store itself is older than two days', () => {
    const now = at('2024-02-14T06:00:00Z');
    expect(backupIsStale(null, at('2024-02-13T06:00:00Z'), now)).toBe(false);
    expect(backupIsStale(null, at('2024-02-10T06:00:00Z'), now)).toBe(true);
  });
});

describe('rotation: 7 daily + 4 weekly', () => {
  const named = (iso: string) => ({ name: backupFileName(at(iso)), at: at(iso) });

  it('keeps the newest of each of the last seven days and of each of the last four weeks', () => {
    // Sixty days of one backup a day at 02:00 Riyadh (23:00 UTC the day before), and on the 29th of
    // February a second one at 15:00 Riyadh.
    const backups = Array.from({ length: 60 }, (_, i) => named(new Date(Date.UTC(2024, 0, 1 + i, 23, 0)).toISOString()));
    backups.push(named('2024-02-29T12:00:00Z'));
    const removed = new Set(backupsToRemove(backups, ZONE));
    const kept = backups
      .filter((b) => !removed.has(b.name))
      .map((b) => b.at.toISOString().slice(0, 16))
      .sort();
    expect(kept).toEqual([
      // The newest of each of the four last weeks (Sunday to Saturday in Riyadh): Sat 10 and Sat 17 February …
      '2024-02-09T23:00',
      '2024-02-16T23:00',
      // … and of each of the last seven days (24 February to 1 March in Riyadh; the last two weeks' newest among them).
      '2024-02-23T23:00',
      '2024-02-24T23:00',
      '2024-02-25T23:00',
      '2024-02-26T23:00',
      '2024-02-27T23:00',
      '2024-02-29T12:00',
      '2024-02-29T23:00',
    ]);
    // 29 February in Riyadh had two: its 02:00 one goes, its 15:00 one stays.
    expect(removed.has(backupFileName(at('2024-02-28T23:00:00Z')))).toBe(true);
    expect(removed.size).toBe(backups.length - 9);
  });

  it('a desk closed for months keeps its last backups, never none', () => {
    const backups = [named('2023-01-01T08:00:00Z'), named('2023-01-02T08:00:00Z')];
    expect(backupsToRemove(backups, ZONE)).toEqual([]);
  });

  it('weeks start on Sunday', () => {
    expect(weekOf('2024-02-14')).toBe('2024-02-11'); // a Wednesday
    expect(weekOf('2024-02-11')).toBe('2024-02-11');
    expect(weekOf('2024-02-17')).toBe('2024-02-11'); // Saturday
  });
});

describe('backup file names', () => {
  it('say when the backup was made; a partial name is never taken for a backup', () => {
    const name = backupFileName(at('2024-02-14T06:07:08.900Z'));
    expect(name).toBe('istiqbal-backup-2024-02-14T06-07-08Z.tar');
    expect(backupTimeOf(name)?.toISOString()).toBe('2024-02-14T06:07:08.000Z');
    expect(backupTimeOf(backupFileName(at('2024-02-14T06:07:08Z'), 3))?.toISOString()).toBe('2024-02-14T06:07:08.000Z');
    const partial = partialFileName(name, 4242);
    expect(backupTimeOf(partial)).toBeNull();
    expect(partialOwner(partial)).toBe(4242);
    expect(backupTimeOf('istiqbal.sqlite3')).toBeNull();
  });
});
