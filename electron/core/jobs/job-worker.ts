/**
 * The worker thread's entry (job-runner.ts starts it): opens its own read-only connection to the
 * store and runs one job at a time as the runner sends them. Built as out/main/job-worker.js
 * (electron.vite.config.ts); run from the sources through tsx in tests and the bench.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { openReader } from '../store/open-reader';
import { JOBS, type JobKind } from './jobs';
import type { JobReply, JobRequest, JobWorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('job-worker.ts runs only as a worker thread');
const { reader: spec, fontsDir } = workerData as JobWorkerData;
yieldCpuToTheShell();
const reader = openReader(spec);

port.on('message', (request: JobRequest) => {
  void run(request).then((reply) => port.postMessage(reply));
});

async function run({ id, kind, input }: JobRequest): Promise<JobReply> {
  try {
    const job = JOBS[kind as JobKind] as (input: unknown, env: { db: typeof reader.db; fontsDir?: string }) => Promise<unknown>;
    if (!job) throw new Error(`unknown job ${kind}`);
    return { id, ok: true, value: await job(input, { db: reader.db, fontsDir }) };
  } catch (error) {
    if (error instanceof AppError) return { id, ok: false, appError: error.toShape() };
    // The store's server went away mid-job: the desk is told so, as for any call (never 'internal').
    if (reader.lostConnection(error)) return { id, ok: false, appError: { code: 'unavailable', message: ar.errors.unavailable } };
    return { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * On a busy machine the desks' calls should win a core over a register being drawn. On Linux each
 * thread has its own nice value, so this thread alone steps back; elsewhere priority belongs to the
 * whole process (the shell's thread too) and is left alone.
 */
function yieldCpuToTheShell(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (threadId > 0) setPriority(threadId, 10);
  } catch {
    // No /proc, or not allowed: the worker runs at the shell's priority.
  }
}
