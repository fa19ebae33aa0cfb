/**
 * The PostgreSQL rows of `npm run bench -- --store postgres` in a process of their own, as a desk PC's
 * process is one store's alone: not after the SQLite rows' million calls in the bench's process, whose
 * heap then made V8's young collections of today's queue take 5–10 ms instead of 1 (the queue's p95
 * 6.35 ms there, 4.86 ms in a process of its own, 2.1–2.4 ms in a process that signed in and answered
 * 8,000 searches first, as a desk does).
 * Started by runInDeskProcess below with its options as one JSON argument; its log lines go to the
 * bench's output, its rows back by IPC.
 */
import { fork } from 'node:child_process';
import type { Row } from '../stats';
import { benchPostgresCore, type PgBenchOptions } from './pg-core-bench';

type Options = Omit<PgBenchOptions, 'log'>;
/** Set in the child's environment: this module is its entry. */
const CHILD = 'ISTIQBAL_BENCH_DESK_PROCESS';

/** Runs benchPostgresCore in a child process and returns its rows. */
export function runInDeskProcess(options: Options): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    // --expose-gc as bench/run.mjs starts the bench: each case begins with a full collection (stats.ts).
    const child = fork(__filename, [JSON.stringify(options)], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, [CHILD]: '1' },
    });
    let rows: Row[] | null = null;
    child.on('message', (m) => {
      const message = m as { rows?: Row[]; error?: string };
      if (message.error) reject(new Error(message.error));
      else if (message.rows) rows = message.rows;
    });
    child.once('error', reject);
    child.once('exit', (code) => (rows ? resolve(rows) : reject(new Error(`the PostgreSQL rows' process ended (${code}) without its rows`))));
  });
}

async function main() {
  const options = JSON.parse(process.argv[2]!) as Options;
  const rows = await benchPostgresCore({ ...options, log: (line) => console.log(line) });
  process.send!({ rows }, () => process.exit(0));
}

if (process.env[CHILD] && process.send) {
  main().catch((error) => {
    console.error(error);
    process.send?.({ error: String(error) }, () => process.exit(1));
  });
}
