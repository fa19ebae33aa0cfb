import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/core/backup/create-backup';
import { listTar } from '../../electron/core/backup/tar';
import { ar, fill } from '@shared/labels/ar';
import { dataFileHashes, dumpTables, fillStore, storeFileOf } from '../helpers/backup-fixtures';
import { REPO_ROOT } from '../helpers/child-process';
import { isArabicText } from '../helpers/fixtures';
import { signedInAs } from '../helpers/sessions';
import { makeTempDir, openTestCore, type TestCore } from '../helpers/test-core';
import { ltr } from '@shared/text/isolate';

/**
 * Backups that restore everything (docs/architecture.md#backups): a backup holds the database, every scan, the reference
 * PDFs and the letterhead; restored onto an empty folder, every row and every file comes back
 * identical and the scans open. A tampered backup, or one from a newer program, is refused in Arabic
 * with the data in place untouched.
 */
const dirs: string[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const d = makeTempDir(prefix);
  dirs.push(d);
  return d;
}

async function filledCore(): Promise<{ t: TestCore; dataDir: string; filled: Awaited<ReturnType<typeof fillStore>> }> {
  const dataDir = join(tempDir('istiqbal-backup-'), 'data');
  const t = await openTestCore({ now: '2025-03-10T06:00:00Z', dataDir });
  cores.push(t);
  const filled = await fillStore(t);
  return { t, dataDir, filled };
}

/** `npm run restore -- --from FILE --data-dir DIR`, as an administrator types it. */
function npmRestore(file: string, dataDir: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/restore.ts'), '--from', file, '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** The data folder's state a refused restore must leave exactly as it was. */
function stateOf(dataDir: string) {
  return { tables: dumpTables(storeFileOf(dataDir)), files: dataFileHashes(dataDir), entries: readdirSync(dataDir).sort() };
}

describe('back up, wipe, restore: everything comes back', () => {
  it('every table row and every file byte-identical after a disk loss, and every scan opens again', async () => {
    const { t, dataDir, filled } = await filledCore();
    const admin = await signedInAs(t, 'admin');
    await admin.ok('backups.run', {});
    await t.backups.idle();
    const status = await admin.ok('backups.status', {});
    expect(status.last?.outcome).toBe('ok');
    const backup = join(status.folder, status.last!.fileName!);

    const beforeTables = dumpTables(t.storeFile);
    const beforeFiles = dataFileHashes(dataDir);
    expect(Object.keys(beforeFiles).filter((f) => f.startsWith('attachments/'))).toHaveLength(8); // two scans for each of four requests
    expect(Object.keys(beforeFiles).filter((f) => f.startsWith('reference/'))).toHaveLength(1);
    await t.cleanup();
    cores.length = 0;

    // The disk is lost: only the copy on the USB stick is left.
    const usb = tempDir('istiqbal-usb-');
    copyFileSync(backup, join(usb, 'copy.tar'));
    rmSync(dataDir, { recursive: true, force: true });

    const run = npmRestore(join(usb, 'copy.tar'), dataDir);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(ar.backups.phases.extract);

    const afterTables = dumpTables(storeFileOf(dataDir));
    for (const table of Object.keys(beforeTables)) {
      if (table === 'backup_runs' || table === 'audit') continue;
      expect(afterTables[table], table).toEqual(beforeTables[table]);
    }
    // The audit trail is the same, plus the restore itself; the backup it came from is recorded as done.
    const restoreRows = afterTables.audit!.filter((r) => r.includes('"backups.restore"') && r.includes('keptAside'));
    expect(restoreRows).toHaveLength(1);
    expect(afterTables.audit!.filter((r) => !restoreRows.includes(r))).toEqual(beforeTables.audit);
    const raw = new BetterSqlite3(storeFileOf(dataDir), { readonly: true });
    expect(raw.prepare('SELECT outcome, file_name FROM backup_runs').all()).toEqual([{ outcome: 'ok', file_name: status.last!.fileName }]);
    raw.close();
    expect(dataFileHashes(dataDir)).toEqual(beforeFiles);

    // The desk opens the restored store: the scans, the reference PDF and the logo are all there.
    const again = await openTestCore({ dataDir, now: '2025-03-11T06:00:00Z' });
    cores.push(again);
    const desk = await signedInAs(again, 'admin');
    for (const id of filled.attachmentIds) {
      const a = await desk.ok('requests.attachment', { attachmentId: id });
      expect(a.dataBase64.length).toBeGreaterThan(0);
    }
    const shelf = await desk.ok('documents.referenceShelf', {});
    expect(shelf.find((s) => s.shelf === 'T1')?.isPlaceholder).toBe(false);
    const reference = await desk.ok('documents.reference', { shelf: 'T1' });
    expect(Buffer.from(reference.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await desk.ok('settings.get', {})).associationLogoBase64).not.toBeNull();
  });

  it('restores over a working store too, keeping what was there aside under before-restore/<time>', async () => {
    const { t, dataDir } = await filledCore();
    const created = await createBackup({ dataDir, folder: join(dataDir, 'backups'), now: t.clock.now() });
    const atBackup = dumpTables(t.storeFile);
    const admin = await signedInAs(t, 'admin');
    await admin.ok('visits.checkIn', { visitorName: 'زائر بعد النسخة', visitorMobile: '0551234567', reason: 'inquiry' });
    const beforeRestore = stateOf(dataDir);
    await t.cleanup();
    cores.length = 0;

    const run = npmRestore(created.file, dataDir);
    expect(run.code, run.err).toBe(0);
    expect(dumpTables(storeFileOf(dataDir)).visits).toEqual(atBackup.visits);
    const aside = readdirSync(join(dataDir, 'before-restore'));
    expect(aside).toHaveLength(1);
    const keptDir = join(dataDir, 'before-restore', aside[0]!);
    expect(dumpTables(storeFileOf(keptDir))).toEqual(beforeRestore.tables);
    expect(dataFileHashes(keptDir)).toEqual(beforeRestore.files);
    // User-only, whatever the umask: the restored store and the folder kept aside.
    expect(statSync(storeFileOf(dataDir)).mode & 0o077).toBe(0);
    expect(statSync(keptDir).mode & 0o077).toBe(0);
    expect(statSync(created.file).mode & 0o077).toBe(0);
  });
});

describe('refused restores leave the data untouched', () => {
  it('a backup with one byte changed in a scan is refused in Arabic, naming the damaged file', async () => {
    const { t, dataDir } = await filledCore();
    const created = await createBackup({ dataDir, folder: tempDir('istiqbal-usb-'), now: t.clock.now() });
    const scan = (await listTar(created.file)).find((e) => e.path.startsWith('attachments/') && e.path.endsWith('.pdf'))!;
    flipByte(created.file, scan.offset + Math.floor(scan.size / 2));
    const before = stateOf(dataDir);

    // Through the operation on the open desk: the job checks the whole file first and reports the refusal.
    const admin = await signedInAs(t, 'admin');
    await admin.ok('backups.restore', { backupFile: created.file, confirmed: true });
    await t.backups.idle();
    const status = await admin.ok('backups.status', {});
    expect(status.lastRestore).toMatchObject({ ok: false, message: fill(ar.backups.damaged, { path: ltr(scan.path) }) });
    expect(isArabicText(status.lastRestore!.message)).toBe(true);
    expect((await admin.call('auth.session', {})).ok).toBe(true); // nobody was signed out
    // Untouched but for the audit trail, which records the attempt.
    const after = stateOf(dataDir);
    const attempt = after.tables.audit!.filter((r) => !before.tables.audit!.includes(r));
    expect(attempt).toHaveLength(1);
    expect(attempt[0]).toContain('restoreStarted');
    expect({ ...after, tables: { ...after.tables, audit: before.tables.audit } }).toEqual(before);
    before.tables.audit = after.tables.audit!;

    // And from the command line, with the desk closed.
    await t.cleanup();
    cores.length = 0;
    const run = npmRestore(created.file, dataDir);
    expect(run.code).toBe(1);
    expect(run.err).toContain(fill(ar.backups.damaged, { path: ltr(scan.path) }));
    expect(stateOf(dataDir)).toEqual(before);
  });

  it('a backup made by a newer program (a migration this one does not know) is refused', async () => {
    const { t, dataDir } = await filledCore();
    // The store as a newer program would leave it: one more migration applied.
    const future = join(tempDir('istiqbal-future-'), 'data');
    mkdirSync(future, { recursive: true });
    await t.raw.backup(storeFileOf(future));
    const raw = new BetterSqlite3(storeFileOf(future));
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0099-future-feature', '2030-01-01T00:00:00.000Z')").run();
    raw.close();
    const created = await createBackup({ dataDir: future, folder: tempDir('istiqbal-usb-'), now: t.clock.now() });
    expect(created.manifest.schemaVersion).toBe(99);
    const before = stateOf(dataDir);

    const admin = await signedInAs(t, 'admin');
    const env = await admin.call('backups.restore', { backupFile: created.file, confirmed: true });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toBe(fill(ar.backups.newerSchema, { version: ltr(created.manifest.appVersion) }));
    expect(t.backups.busy).toBe(false);
    expect(stateOf(dataDir)).toEqual(before);

    await t.cleanup();
    cores.length = 0;
    const run = npmRestore(created.file, dataDir);
    expect(run.code).toBe(1);
    expect(run.err).toContain(fill(ar.backups.newerSchema, { version: ltr(created.manifest.appVersion) }));
    expect(stateOf(dataDir)).toEqual(before);
  });

  it('while another desk has the store open, the restore is refused and the desk here keeps working on its data', async () => {
    const { t, dataDir } = await filledCore();
    const created = await createBackup({ dataDir, folder: tempDir('istiqbal-usb-'), now: t.clock.now() });
    const other = await openTestCore({ dataDir, now: '2025-03-10T06:00:00Z' }); // a second desk's process on the same folder
    cores.push(other);
    const before = stateOf(dataDir);

    const admin = await signedInAs(t, 'admin');
    await admin.ok('backups.restore', { backupFile: created.file, confirmed: true });
    await t.backups.idle();
    const status = await admin.ok('backups.status', {});
    expect(status.lastRestore).toMatchObject({ ok: false, message: ar.backups.storeInUse });
    // Reopened on the same data, nobody signed out, nothing moved.
    const queue = await admin.ok('visits.queue', {});
    expect(queue.visits.length).toBeGreaterThan(0);
    const after = stateOf(dataDir);
    expect({ ...after, tables: { ...after.tables, audit: before.tables.audit } }).toEqual(before);
    expect(existsSync(join(dataDir, 'before-restore'))).toBe(false);
  });

  it('a file that is not a backup, or is cut short, is refused as such', async () => {
    const { t, dataDir } = await filledCore();
    const created = await createBackup({ dataDir, folder: tempDir('istiqbal-usb-'), now: t.clock.now() });
    const cut = join(tempDir('istiqbal-cut-'), 'cut.tar');
    copyFileSync(created.file, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));

    const admin = await signedInAs(t, 'admin');
    for (const file of [cut, t.storeFile]) {
      const env = await admin.call('backups.restore', { backupFile: file, confirmed: true });
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.message).toBe(ar.backups.notABackup);
    }
    const missing = await admin.call('backups.restore', { backupFile: join(dataDir, 'no-such.tar'), confirmed: true });
    expect(missing.ok || missing.error.message).toBe(ar.backups.fileMissing);
    expect(existsSync(join(dataDir, 'before-restore'))).toBe(false);
  });
});

function flipByte(file: string, at: number): void {
  const fd = openSync(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ 0xff;
    writeSync(fd, b, 0, 1, at);
  } finally {
    closeSync(fd);
  }
}
