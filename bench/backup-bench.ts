/**
 * Backup and restore of the ten-year store (docs/architecture.md#backups): the whole-folder backup (VACUUM INTO snapshot,
 * scans, manifest, read back and checked) timed while a desk checks a visitor in five times a second
 * and another asks for today's queue all along — the latencies those calls see are the desks' wait —
 * then the restore of that backup (checked whole, unpacked, swapped in, store reopened).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../electron/core/core';
import { BENCH_PASSWORD, BENCH_USER, type StoreMeta } from './data';
import { summarize, type Row } from './stats';

export interface BackupBenchOptions {
  dataDir: string;
  meta: StoreMeta;
  quick: boolean;
  log: (line: string) => void;
}

/** docs/performance.md: a backup and a restore of the ten-year store each within two minutes; desks answer within 100 ms meanwhile. */
export const BACKUP_TARGETS = { backupMs: 120_000, restoreMs: 120_000, concurrentMs: 100 };

export async function benchBackup(opts: BackupBenchOptions): Promise<Row[]> {
  const { dataDir, log } = opts;
  // The generated store's attachment rows have no files: scans of a typical size are laid beside it.
  const scans = opts.quick ? 200 : 1_000;
  for (let i = 0; i < scans; i++) {
    const folder = join(dataDir, 'attachments', String(1 + (i % 250)));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${randomBytes(32).toString('hex')}.pdf`), Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200_000)]));
  }
  const core = await createCore({ dataDir, log: (e, op) => console.error(op, e) });
  const desk = core.createSession();
  const signIn = await core.dispatch('auth.signIn', { username: BENCH_USER, password: BENCH_PASSWORD, deskId: 1 }, desk);
  if (!signIn.ok) throw new Error(signIn.error.message);
  const storeMb = statSync(join(dataDir, 'istiqbal.sqlite3')).size / 2 ** 20;
  log(`  store ${storeMb.toFixed(0)} MB + ${scans} scans of 200 KB; backing up while a desk checks in 5 visitors a second and another reads the queue`);

  // Another desk: a check-in every 200 ms; and the hall's screen: today's queue, one call after another.
  const checkIns: number[] = [];
  const queueCalls: number[] = [];
  let running = true;
  let n = 0;
  const writer = setInterval(() => {
    const t0 = performance.now();
    n += 1;
    void core.dispatch('visits.checkIn', { visitorName: `زائر الاختبار ${n} الشمري`, visitorMobile: '0551234567', reason: 'inquiry' }, desk).then((r) => {
      if (!r.ok) throw new Error(r.error.message);
      checkIns.push(performance.now() - t0);
    });
  }, 200);
  const reader = (async () => {
    while (running) {
      const t0 = performance.now();
      const r = await core.dispatch('visits.queue', {}, desk);
      if (!r.ok) throw new Error(r.error.message);
      queueCalls.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();

  const folder = join(dataDir, '..', 'bench-backups');
  rmSync(folder, { recursive: true, force: true });
  const t0 = performance.now();
  const phases = phaseClock(t0);
  const made = await core.backups.runCommand({ folder, onProgress: phases.seen });
  const backupMs = performance.now() - t0;
  running = false;
  clearInterval(writer);
  await reader;
  if (!made.ok) throw new Error(made.message);
  const sizeMb = made.backup.size / 2 ** 20;
  log(`  backup ${made.backup.name}: ${sizeMb.toFixed(0)} MB in ${(backupMs / 1000).toFixed(1)} s (${phases.report(backupMs)}); ${checkIns.length} check-ins and ${queueCalls.length} queue reads answered meanwhile`);

  const r0 = performance.now();
  const restorePhases = phaseClock(r0);
  const restored = await core.backups.runRestore(made.backup.file, { command: true, osUser: 'bench' }, restorePhases.seen);
  const restoreMs = performance.now() - r0;
  if (!restored.ok) throw new Error(restored.message);
  log(`  restore in ${(restoreMs / 1000).toFixed(1)} s (${restorePhases.report(restoreMs)})`);
  await core.close();

  return [
    { name: `backup: ten-year store + scans (${sizeMb.toFixed(0)} MB), 5 writes/s`, core: summarize([backupMs]), bare: null, targetP95: BACKUP_TARGETS.backupMs },
    { name: 'restore of that backup', core: summarize([restoreMs]), bare: null, targetP95: BACKUP_TARGETS.restoreMs },
    { name: 'check-in during the backup', core: summarize(checkIns), bare: null, targetP95: BACKUP_TARGETS.concurrentMs },
    { name: 'visits.queue during the backup', core: summarize(queueCalls), bare: null, targetP95: BACKUP_TARGETS.concurrentMs },
  ];
}

/** When each phase began, to say where a backup's or a restore's time goes. */
function phaseClock(t0: number) {
  const began: [string, number][] = [];
  return {
    seen: ({ phase }: { phase: string }) => {
      if (began.at(-1)?.[0] !== phase) began.push([phase, performance.now() - t0]);
    },
    report: (total: number) =>
      began.map(([phase, at], i) => `${phase} ${(((began[i + 1]?.[1] ?? total) - at) / 1000).toFixed(1)} s`).join(', '),
  };
}
