import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupJobPhase } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { backupTimeOf } from '../../electron/core/backup/backup-names';
import { auditCount, makeTempDir, openTestCore, rawDb, type TestCore } from '../helpers/test-core';
import { fillStore } from '../helpers/backup-fixtures';
import { signedInAs } from '../helpers/sessions';
import { isArabicText } from '../helpers/fixtures';
import { ltr } from '@shared/text/isolate';

/**
 * Backups (docs/architecture.md#backups) through the contract: backups.status, backups.list, backups.run, backups.restore and the
 * backup folder in settings.update — administrators only, validated, audited; the daily schedule
 * and the closing backup end to end on real files, with the test's clock.
 */
const cores: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function core(now = '2025-03-10T06:00:00Z'): Promise<TestCore> {
  const t = await openTestCore({ now });
  cores.push(t);
  return t;
}

describe('only an administrator backs up and restores', () => {
  it.each(['receptionist', 'researcher', 'supervisor'] as const)('a %s is refused every backup operation, and nothing is written', async (role) => {
    const t = await core();
    const someone = await signedInAs(t, role);
    const audit = await auditCount(t);
    for (const [op, input] of [
      ['backups.status', {}],
      ['backups.list', {}],
      ['backups.run', {}],
      ['backups.restore', { backupFile: '/tmp/x.tar', confirmed: true }],
      ['settings.update', { backupFolder: '/tmp/elsewhere' }],
    ] as const) {
      const env = await someone.call(op, input);
      expect(env.ok ? 'allowed' : env.error.code, op).toBe('forbidden');
    }
    expect(await auditCount(t)).toBe(audit);
    expect(t.backups.busy).toBe(false);
  });
});

describe('backups.run', () => {
  it('answers at once; the progress shows phase by phase; the result, the list and the audit trail record it', async () => {
    const t = await core();
    await fillStore(t);
    const admin = await signedInAs(t, 'admin');
    const started = await admin.ok('backups.run', {});
    expect(started.job).toMatchObject({ kind: 'backup', phase: 'starting', fraction: 0 });

    // A second press while it runs is refused, in Arabic, and writes nothing.
    const audit = await auditCount(t);
    const again = await admin.call('backups.run', {});
    expect(again.ok || again.error.message).toBe(ar.backups.busy);
    expect(await auditCount(t)).toBe(audit);

    const seen: { phase: BackupJobPhase; fraction: number }[] = [];
    for (;;) {
      const s = await admin.ok('backups.status', {});
      if (!s.job) break;
      seen.push({ phase: s.job.phase, fraction: s.job.fraction });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const phases = [...new Set(seen.map((s) => s.phase))];
    expect(phases.filter((p) => p !== 'starting').length).toBeGreaterThanOrEqual(1);
    const fractions = seen.map((s) => s.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));

    const status = await admin.ok('backups.status', {});
    expect(status).toMatchObject({ folderIsDefault: true, folder: join(t.dataDir, 'backups'), stale: false, job: null });
    expect(status.last).toMatchObject({ trigger: 'manual', outcome: 'ok' });
    expect(status.lastGoodAt).toBe(status.last!.finishedAt);

    const list = await admin.ok('backups.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: status.last!.fileName, readable: true, newer: false, counts: { beneficiaries: 4, visits: 5, requests: 4, files: 9 } });
    expect(statSync(list[0]!.path).mode & 0o077).toBe(0);
    expect(statSync(status.folder).mode & 0o077).toBe(0);

    const row = rawDb(t).prepare("SELECT user_id, after FROM audit WHERE operation = 'backups.run'").get() as { user_id: number; after: string };
    expect(row.user_id).toBe(admin.user.id);
    expect(JSON.parse(row.after)).toEqual({ started: 'manual', folder: status.folder });
  });

  it('a failure is recorded with its reason in Arabic, and the next run succeeds', async () => {
    const t = await core();
    const admin = await signedInAs(t, 'admin');
    const folder = join(t.dataDir, 'elsewhere');
    await admin.ok('settings.update', { backupFolder: folder });
    // The folder is gone (a USB stick pulled out) and a file stands where it was.
    rmSync(folder, { recursive: true, force: true });
    writeFileSync(folder, 'not a folder');
    await admin.ok('backups.run', {});
    await t.backups.idle();
    const failed = await admin.ok('backups.status', {});
    expect(failed.last).toMatchObject({ outcome: 'failed', message: fill(ar.backups.folderUnusable, { folder: ltr(folder) }), fileName: null });
    expect(failed.lastGoodAt).toBeNull();
    rmSync(folder, { force: true });
    await admin.ok('backups.run', {});
    await t.backups.idle();
    expect((await admin.ok('backups.status', {})).last?.outcome).toBe('ok');
  });
});

describe('the backup folder (settings.update)', () => {
  it('a path that is not whole, or a folder inside the scans, is refused in Arabic with nothing saved', async () => {
    const t = await core();
    const admin = await signedInAs(t, 'admin');
    const audit = await auditCount(t);
    for (const [folder, message] of [
      ['backups', ar.backups.pathNotAbsolute],
      ['../usb', ar.backups.pathNotAbsolute],
      [join(t.dataDir, 'attachments', 'copies'), ar.backups.folderInsideData],
    ] as const) {
      const env = await admin.call('settings.update', { backupFolder: folder });
      expect(env.ok).toBe(false);
      if (!env.ok) {
        expect(env.error.issues?.[0]).toMatchObject({ path: ['backupFolder'], message });
        expect(isArabicText(env.error.message)).toBe(true);
      }
    }
    expect(await auditCount(t)).toBe(audit);
    expect((await admin.ok('settings.get', {})).backupFolder).toBeNull();
  });

  it('a folder that cannot be created is refused, naming it', async () => {
    const t = await core();
    const admin = await signedInAs(t, 'admin');
    const blocker = join(t.dataDir, 'a-file');
    writeFileSync(blocker, 'x');
    const env = await admin.call('settings.update', { backupFolder: join(blocker, 'backups') });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.issues?.[0]?.message).toBe(fill(ar.backups.folderUnusable, { folder: ltr(join(blocker, 'backups')) }));
    expect((await admin.ok('settings.get', {})).backupFolder).toBeNull();
  });

  it('the folder chosen is created user-only, audited as a settings change, and the next backup goes there', async () => {
    const t = await core();
    const admin = await signedInAs(t, 'admin');
    const usb = makeTempDir('istiqbal-usb-');
    dirs.push(usb);
    const folder = join(usb, 'istiqbal', 'copies');
    await admin.ok('settings.update', { backupFolder: folder });
    expect(statSync(folder).mode & 0o077).toBe(0);
    const row = rawDb(t).prepare("SELECT after FROM audit WHERE operation = 'settings.update' ORDER BY id DESC").get() as { after: string };
    expect(JSON.parse(row.after).backupFolder).toBe(folder);
    expect(await admin.ok('backups.status', {})).toMatchObject({ folder, folderIsDefault: false });
    await admin.ok('backups.run', {});
    await t.backups.idle();
    expect(readdirSync(folder).filter((n) => backupTimeOf(n))).toHaveLength(1);
    // Back to the default.
    await admin.ok('settings.update', { backupFolder: null });
    expect(await admin.ok('backups.status', {})).toMatchObject({ folder: join(t.dataDir, 'backups'), folderIsDefault: true });
  });
});

describe('backups.restore on the open desk', () => {
  it('asks for the confirmation, then puts the backup back, reopens the store and signs every window out', async () => {
    const t = await core();
    await fillStore(t);
    const admin = await signedInAs(t, 'admin');
    const desk = await signedInAs(t, 'receptionist');
    await admin.ok('backups.run', {});
    await t.backups.idle();
    const [backup] = await admin.ok('backups.list', {});
    const visitsAtBackup = (rawDb(t).prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
    await desk.ok('visits.checkIn', { visitorName: 'زائر بعد النسخة', visitorMobile: '0551234567', reason: 'inquiry' });

    const unconfirmed = await admin.call('backups.restore', { backupFile: backup!.path });
    expect(unconfirmed.ok || unconfirmed.error.issues?.[0]).toMatchObject({ path: ['confirmed'], message: ar.errors.confirm });
    expect(t.backups.busy).toBe(false);

    const started = await admin.ok('backups.restore', { backupFile: backup!.path, confirmed: true });
    expect(started.job).toMatchObject({ kind: 'restore', phase: 'starting' });
    await t.backups.idle();

    // Every window signs in again: the restored store's users may not be the same.
    for (const s of [admin, desk]) {
      const env = await s.call('visits.queue', {});
      expect(env.ok || env.error.code).toBe('unauthenticated');
    }
    const again = await signedInAs(t, 'admin');
    const status = await again.ok('backups.status', {});
    expect(status.lastRestore).toMatchObject({ ok: true, name: backup!.name });
    expect(status.lastRestore!.message).toBe(fill(ar.backups.restored, { name: ltr(backup!.name), aside: ltr(status.lastRestore!.keptAside!) }));
    expect((rawDb(t).prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n).toBe(visitsAtBackup);
    expect(readdirSync(join(t.dataDir, 'before-restore'))).toHaveLength(1);
    const audit = rawDb(t).prepare("SELECT after FROM audit WHERE operation = 'backups.restore' AND user_id IS NULL").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ file: backup!.path, by: { userId: admin.user.id, username: 'admin' } });
  });
});

describe('the daily schedule and the closing backup, end to end on real files', () => {
  it('one backup a day at most, rotation keeps 7 daily + 4 weekly, nothing else is ever removed', async () => {
    const t = await core('2025-01-05T05:00:00Z'); // a Sunday, 08:00 in Riyadh
    await signedInAs(t, 'admin');
    const folder = join(t.dataDir, 'backups');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'notes.txt'), 'the administrator’s own file');
    for (let day = 0; day < 30; day++) {
      const made = await t.backups.runIfDue();
      expect(made?.ok, `day ${day}`).toBe(true);
      expect(await t.backups.runIfDue(), `day ${day}, a second time`).toBeNull();
      t.clock.advance({ days: 1 });
    }
    const kept = readdirSync(folder).filter((n) => backupTimeOf(n)).sort();
    // The last 7 days (29 Jan – 4 Feb), plus the newest of the two weeks before them (Sat 18 and Sat 25 Jan).
    expect(kept.map((n) => n.slice(16, 26))).toEqual(['2025-01-18', '2025-01-25', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03']);
    expect(readdirSync(folder)).toContain('notes.txt');
    const runs = rawDb(t).prepare("SELECT count(*) AS n FROM backup_runs WHERE trigger = 'daily' AND outcome = 'ok'").get() as { n: number };
    expect(runs.n).toBe(30);
    expect((await (await signedInAs(t, 'admin')).ok('backups.status', {})).last?.trigger).toBe('daily');
  }, 120_000);

  it("the shells' timer asks the core and the daily backup is made by itself, once", async () => {
    const t = await core();
    await signedInAs(t, 'admin');
    // Counts the timer's questions (the answer is the core's own).
    let asked = 0;
    const ask = t.backups.runIfDue.bind(t.backups);
    t.backups.runIfDue = () => ((asked += 1), ask());
    const stop = t.backups.startSchedule({ firstAfterMs: 0, everyMs: 20 });
    try {
      const runs = () => rawDb(t).prepare('SELECT outcome FROM backup_runs').pluck().all();
      await expect.poll(runs, { timeout: 20_000, interval: 20 }).toEqual(['ok']);
      // Asked again and again the same day: still that one.
      const after = asked;
      await expect.poll(() => asked, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(after + 5);
      expect(runs()).toEqual(['ok']);
    } finally {
      stop();
    }
    await t.backups.idle();
  });

  it('closing the app backs up, unless a good backup is only minutes old', async () => {
    const t = await core();
    await signedInAs(t, 'admin');
    expect((await t.backups.runOnClosing())?.ok).toBe(true);
    t.clock.advance({ minutes: 5 });
    expect(await t.backups.runOnClosing()).toBeNull();
    t.clock.advance({ minutes: 20 });
    expect((await t.backups.runOnClosing())?.ok).toBe(true);
    const triggers = rawDb(t).prepare('SELECT trigger FROM backup_runs').pluck().all();
    expect(triggers).toEqual(['closing', 'closing']);
  });

  it("the administrator's warning: the last good backup older than two days", async () => {
    const t = await core();
    const admin = await signedInAs(t, 'admin');
    expect((await admin.ok('backups.status', {})).stale).toBe(false); // a new store
    await t.backups.runIfDue();
    t.clock.advance({ days: 2, minutes: -1 });
    expect((await (await signedInAs(t, 'admin')).ok('backups.status', {})).stale).toBe(false);
    t.clock.advance({ minutes: 2 });
    expect((await (await signedInAs(t, 'admin')).ok('backups.status', {})).stale).toBe(true);
  });
});
