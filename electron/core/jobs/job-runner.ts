import { type ResourceLimits, Worker } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import type { ReaderSpec } from '../store/reader';
import type { JobInput, JobKind, JobOutput } from './jobs';
import type { JobReply, JobWorkerData } from './protocol';
import { jobWorkerScript } from './worker-script';

export interface JobRunnerOptions {
  /** How the worker opens its own read-only connection to the store. */
  reader: ReaderSpec;
  fontsDir?: string;
  /** A worker idle this long is stopped (its fonts and caches freed); the next job starts another. */
  idleMs?: number;
  /** The worker's heap (WORKER_HEAP by default). */
  resourceLimits?: ResourceLimits;
}

/** Long work (large documents, exports) off the shell's thread, so every desk's calls keep answering. */
export interface JobRunner {
  run<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>>;
  /** Stops the worker; jobs not finished are refused. */
  close(): Promise<void>;
}

const IDLE_MS = 120_000;

/**
 * V8 lets a heap grow far past what is alive before collecting it. A job's live data is small (the
 * parsed fonts, one page, the totals; the bytes written are outside the heap), under 96 MB for a
 * register of 16,000 visits: a ceiling above that keeps the worker's memory near it.
 */
const WORKER_HEAP: ResourceLimits = { maxOldGenerationSizeMb: 160 };

interface Pending {
  id: number;
  kind: JobKind;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * One worker thread (jobs.ts lists what it can do), started on the first job and kept warm between
 * jobs — the fonts are parsed once per worker — and one job at a time: on two cores, a second
 * long job in parallel would only slow the shell's thread as well. Jobs wait in order.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const idleMs = options.idleMs ?? IDLE_MS;
  const queue: Pending[] = [];
  let worker: Worker | null = null;
  let current: Pending | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;
  let closed = false;

  function start(): Worker {
    const { script, eval: isEval } = jobWorkerScript();
    const data: JobWorkerData = { reader: options.reader, fontsDir: options.fontsDir };
    const w = new Worker(script, { eval: isEval, workerData: data, resourceLimits: options.resourceLimits ?? WORKER_HEAP });
    w.on('message', (reply: JobReply) => settle(reply));
    w.on('error', (error) => lost(w, error));
    w.on('exit', (code) => lost(w, new Error(`the job worker exited (code ${code})`)));
    return w;
  }

  /** The worker died: the job it had fails, the next one gets a new worker. */
  function lost(w: Worker, error: Error) {
    if (worker !== w) return;
    worker = null;
    const job = current;
    current = null;
    job?.reject(error);
    next();
  }

  function settle(reply: JobReply) {
    const job = current;
    if (!job || job.id !== reply.id) return;
    current = null;
    if (reply.ok) job.resolve(reply.value);
    else if ('appError' in reply) {
      const e = reply.appError;
      job.reject(new AppError(e.code, e.message, e.issues, e.duplicates, e.confirm));
    } else job.reject(new Error(reply.message));
    next();
  }

  function next() {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) {
      // Idle: the worker no longer keeps the process alive, and goes after a while.
      worker?.unref();
      if (worker && !idle) idle = setTimeout(stopIdle, idleMs).unref();
      return;
    }
    if (idle) clearTimeout(idle);
    idle = null;
    worker ??= start();
    worker.ref();
    current = job;
    worker.postMessage({ id: job.id, kind: job.kind, input: job.input });
  }

  function stopIdle() {
    idle = null;
    const w = worker;
    if (!w || current) return;
    worker = null;
    void w.terminate();
  }

  return {
    run(kind, input) {
      if (closed) return Promise.reject(new Error('the job runner is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, kind, input, resolve: resolve as (v: unknown) => void, reject });
        next();
      });
    },
    async close() {
      closed = true;
      if (idle) clearTimeout(idle);
      const gone = new Error('the job runner is closed');
      for (const job of queue.splice(0)) job.reject(gone);
      current?.reject(gone);
      current = null;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
