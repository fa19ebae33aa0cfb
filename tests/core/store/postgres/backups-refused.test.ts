import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { isArabicText } from '../../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../../helpers/sessions';
import { countRows, openTestCore, rowCounts, type TestCore } from '../../../helpers/test-core';

/**
 * A backup (docs/architecture.md#backups) is the SQLite store's data folder (its file and scans). A PostgreSQL store is the
 * server's to back up, with pg_dump and pg_restore, for every desk at once: the backup operations
 * refuse in Arabic saying so, instead of failing, and the shells' automatic backups do nothing.
 */
let t: TestCore;
let admin: SignedIn;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.cleanup());

const refusal = { code: 'conflict', message: ar.backups.onPostgres };

describe('backups on a PostgreSQL store', () => {
  it('the message is Arabic and names the server\'s tools, pg_dump and pg_restore', () => {
    expect(isArabicText(ar.backups.onPostgres.replace(/PostgreSQL|pg_dump|pg_restore/g, ''))).toBe(true);
    expect(ar.backups.onPostgres).toContain('pg_dump');
    expect(ar.backups.onPostgres).toContain('pg_restore');
  });

  it('backups.status, backups.list, backups.run and backups.restore each refuse with it, and write nothing', async () => {
    expect(t.store.kind).toBe('postgres');
    const before = await rowCounts(t);
    for (const [op, input] of [
      ['backups.status', {}],
      ['backups.list', {}],
      ['backups.run', {}],
      ['backups.restore', { backupFile: '/tmp/istiqbal-2025-03-09.tar', confirmed: true }],
    ] as const) {
      expect(await admin.call(op, input), op).toEqual({ ok: false, error: refusal });
    }
    expect(await rowCounts(t)).toEqual(before);
    expect(await countRows(t, 'backup_runs')).toBe(0);
    expect(t.internalErrors).toEqual([]);
  });

  it('only an administrator hears it: anyone else is refused the operation itself', async () => {
    const desk = await signedInAs(t, 'receptionist');
    const env = await desk.call('backups.status', {});
    expect(!env.ok && env.error.code).toBe('forbidden');
  });

  it('the automatic backups (the daily one the shells\' timer asks for, the closing one) are never due: no run, no file, no folder', async () => {
    expect(await t.backups.runIfDue()).toBeNull();
    expect(await t.backups.runOnClosing()).toBeNull();
    expect(await countRows(t, 'backup_runs')).toBe(0);
    expect(existsSync(join(t.dataDir, 'backups'))).toBe(false);
    expect(readdirSync(t.dataDir).filter((name) => /backup|\.tar$/.test(name))).toEqual([]);
    expect(t.backups.busy).toBe(false);
  });

  it('the backup and restore of the command line refuse the same way', async () => {
    await expect(t.backups.runCommand()).rejects.toMatchObject(refusal);
    await expect(t.backups.runRestore('/tmp/istiqbal-2025-03-09.tar', { command: true, osUser: 'desk' })).rejects.toMatchObject(refusal);
    expect(await countRows(t, 'backup_runs')).toBe(0);
  });
});
