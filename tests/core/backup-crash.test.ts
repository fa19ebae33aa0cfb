import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../../electron/core/backup/archive-check';
import { backupTimeOf, partialOwner } from '../../electron/core/backup/backup-names';
import { runView } from '../../electron/core/backup/backup-runs';
import { createBackup } from '../../electron/core/backup/create-backup';
import { spawnTs } from '../helpers/child-process';
import { signedInAs } from '../helpers/sessions';
import { makeTempDir, openTestCore, type TestCore } from '../helpers/test-core';

/**
 * Backups (docs/architecture.md#backups): "an interrupted backup left a file under the final backup name" and "under steady writes
 * the backup never finished". Real processes: `npm run backup` SIGKILLed at random points, and a
 * backup taken while another process checks a visitor in five times a second.
 */
let dataDir: string;
let root: string;

beforeAll(async () => {
  root = makeTempDir('istiqbal-backup-crash-');
  dataDir = join(root, 'data');
  const t: TestCore = await openTestCore({ dataDir });
  await signedInAs(t, 'admin');
  // A store with some weight: a bulky table, so the snapshot takes a moment, and 40 MB of scans.
  t.raw.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, bytes BLOB)');
  const insert = t.raw.prepare('INSERT INTO ballast (bytes) VALUES (?)');
  t.raw.transaction(() => {
    for (let i = 0; i < 600; i++) insert.run(randomBytes(100_000));
  })();
  for (let r = 1; r <= 8; r++) {
    mkdirSync(join(dataDir, 'attachments', String(r)), { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(join(dataDir, 'attachments', String(r), `${randomBytes(32).toString('hex')}.pdf`), randomBytes(1_000_000));
  }
  await t.cleanup();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const backups = () => join(dataDir, 'backups');
const inBackups = () => (existsSync(backups()) ? readdirSync(backups()) : []);
const finalNames = () => inBackups().filter((n) => backupTimeOf(n));
const partialNames = () => inBackups().filter((n) => partialOwner(n) !== null);

/** Runs `npm run backup`, killing it right after its `killAfter`-th progress line (never, when null). */
async function backupKilledAfter(killAfter: number | null): Promise<{ lines: string[]; signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawnTs('backup-command.ts', ['--data-dir', dataDir]);
  const lines: string[] = [];
  try {
    for (;;) {
      if (killAfter !== null && lines.length >= killAfter) {
        child.child.kill('SIGKILL');
        break;
      }
      const line = await child.nextLine(60_000).catch(() => null);
      if (line === null) break;
      lines.push(line);
    }
  } finally {
    child.child.kill('SIGKILL');
  }
  const end = await child.exited;
  if (killAfter === null) expect(end.code, child.stderr()).toBe(0);
  return { lines, ...end };
}

describe('a backup cut off at any point never leaves a final name behind that is not a complete backup', () => {
  it('SIGKILL at random points of npm run backup, several times: every final name verifies; the next run clears the partials', async () => {
    // A whole run first, to know how many progress lines one prints; then kills after random ones of them.
    const whole = (await backupKilledAfter(null)).lines.length;
    expect(whole).toBeGreaterThanOrEqual(6);
    const kills: number[] = [0, 1, ...Array.from({ length: 5 }, () => randomInt(2, whole - 1))];
    let killedMidway = 0;
    let partialsSeen = 0;
    for (const killAfter of kills) {
      const run = await backupKilledAfter(killAfter);
      if (run.signal === 'SIGKILL') killedMidway += 1;
      partialsSeen += partialNames().length;
      // Whatever was left: a final name is a whole backup that passes every check.
      for (const name of finalNames()) await expect(checkArchive(join(backups(), name)), `${name} after a kill at line ${killAfter}`).resolves.toBeTruthy();
    }
    expect(killedMidway, 'the kills must land while the backup runs').toBeGreaterThanOrEqual(4);
    expect(partialsSeen, 'some kills landed while the archive was being written').toBeGreaterThan(0);

    const finished = await backupKilledAfter(null);
    expect(finished.lines.at(-1)).toMatch(/istiqbal-backup-.*\.tar$/);
    expect(partialNames()).toEqual([]);
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.backup-snapshot-'))).toEqual([]);
    for (const name of finalNames()) await checkArchive(join(backups(), name));

    // The runs cut off are recorded as such: still 'running' in the store, shown as interrupted.
    const db = new BetterSqlite3(join(dataDir, 'istiqbal.sqlite3'), { readonly: true });
    const rows = db.prepare('SELECT * FROM backup_runs ORDER BY id').all() as Parameters<typeof runView>[0][];
    db.close();
    const views = rows.map((r) => runView(r, new Date()).outcome);
    expect(views.filter((o) => o === 'interrupted').length).toBeGreaterThanOrEqual(killedMidway - 1);
    expect(views.filter((o) => o === 'running')).toEqual([]);
    expect(views.at(-1)).toBe('ok');
  }, 180_000);
});

describe('a backup while another desk writes', () => {
  it('finishes while another process checks a visitor in five times a second, holding every check-in confirmed before it began', async () => {
    const writer = spawnTs('steady-writer.ts', [dataDir, '200']);
    try {
      expect(await writer.nextLine(30_000)).toBe('ready');
      const confirmed: number[] = [];
      const collect = async () => {
        for (;;) {
          const line = await writer.nextLine(60_000).catch(() => null);
          if (line === null) return;
          const m = /^wrote (\d+)$/.exec(line);
          if (m) confirmed.push(Number(m[1]));
        }
      };
      void collect();
      // Wait until the writer is in its stride (an awaited condition, not a pause).
      await expect.poll(() => confirmed.length, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(5);
      const before = confirmed.length;
      const highestBefore = Math.max(...confirmed);

      const created = await createBackup({ dataDir, folder: join(root, 'usb') });
      const during = confirmed.length - before;

      expect(created.manifest.tables.visits).toBeGreaterThanOrEqual(highestBefore);
      expect(during, 'the writer kept writing while the backup ran').toBeGreaterThanOrEqual(1);
      await checkArchive(created.file);
      expect(writer.child.exitCode).toBeNull();
    } finally {
      writer.child.kill('SIGKILL');
      await writer.exited;
    }
  }, 120_000);
});
