import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a checked copy of the store holds: SQLite's own verdict, the rows per table, the migrations applied. */
export interface SnapshotFacts {
  integrity: string;
  tables: Record<string, number>;
  migrations: string[];
}

export interface SnapshotOptions {
  /** better_sqlite3.node for the running ABI (the Electron shell's own build). */
  nativeBinding?: string;
  /** One statement run on the copy before it is checked (backup-runs.ts: the run marked done in it). */
  amend?: { sql: string; params: (string | number)[] };
}

/**
 * `VACUUM INTO` a new file from a connection of its own, in a worker thread: the copy is one read
 * transaction, so writes of other desks and processes never restart it (the online backup API
 * starts over on every change), and a desk never waits behind it — the write lock is not taken
 * and this thread's event loop keeps answering. The copy is turned to a rollback journal, so it
 * is one self-contained file, then checked (`integrity_check`) and counted.
 */
export async function takeSnapshot(storeFile: string, target: string, options: SnapshotOptions = {}, onFraction?: (f: number) => void): Promise<SnapshotFacts> {
  let expected = 1;
  try {
    expected = Math.max(1, statSync(storeFile).size);
  } catch {
    // The worker names the missing store.
  }
  // VACUUM INTO says nothing while it works: the copy's growth against the store's size is the progress.
  const timer = onFraction
    ? setInterval(() => {
        try {
          onFraction(Math.min(0.99, statSync(target).size / expected));
        } catch {
          // Not created yet.
        }
      }, 200)
    : null;
  try {
    return await runWorker({ task: 'snapshot', source: storeFile, target, nativeBinding: options.nativeBinding, amend: options.amend });
  } finally {
    if (timer) clearInterval(timer);
  }
}

/** The same checks on a copy already taken (a backup being restored), read-only. */
export function checkSnapshot(file: string, options: SnapshotOptions = {}): Promise<SnapshotFacts> {
  return runWorker({ task: 'check', target: file, nativeBinding: options.nativeBinding });
}

interface WorkerTask {
  task: 'snapshot' | 'check';
  source?: string;
  target: string;
  nativeBinding?: string;
  amend?: SnapshotOptions['amend'];
}

// Plain CommonJS evaluated in the worker: no bundler entry of its own, the same in the sources
// (vitest, tsx) and in the built shells. better-sqlite3 is handed over by its resolved path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const open = (file, readonly) => new Database(file, { fileMustExist: true, readonly, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
try {
  if (workerData.task === 'snapshot') {
    const source = open(workerData.source, false);
    try {
      source.pragma('busy_timeout = 10000');
      source.prepare('VACUUM INTO ?').run(workerData.target);
    } finally {
      source.close();
    }
    const copy = open(workerData.target, false);
    try {
      copy.pragma('journal_mode = DELETE');
      if (workerData.amend) copy.prepare(workerData.amend.sql).run(...workerData.amend.params);
    } finally {
      copy.close();
    }
  }
  const db = open(workerData.target, true);
  try {
    const problems = db.pragma('integrity_check(20)').map((r) => r.integrity_check);
    const names = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    const tables = {};
    for (const name of names) tables[name] = db.prepare('SELECT count(*) FROM "' + name.replace(/"/g, '""') + '"').pluck().get();
    const migrations = names.includes('kysely_migration') ? db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() : [];
    parentPort.postMessage({ ok: true, facts: { integrity: problems.join('; '), tables, migrations } });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
}
`;

function betterSqlitePath(): string {
  // __filename in the CommonJS main-process bundle; import.meta.url under vitest and tsx.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return createRequire(here).resolve('better-sqlite3');
}

function runWorker(task: WorkerTask): Promise<SnapshotFacts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...task, modulePath: betterSqlitePath() } });
    let answered = false;
    worker.once('message', (m: { ok: true; facts: SnapshotFacts } | { ok: false; message: string }) => {
      answered = true;
      if (m.ok) resolve(m.facts);
      else reject(new SnapshotError(m.message));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new SnapshotError(`snapshot worker exited with code ${code}`));
    });
  });
}

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}
