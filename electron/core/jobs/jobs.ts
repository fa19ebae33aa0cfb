import { dailyRegisterJob } from '../printing/register-job';
import { registerExportJob } from '../registers/export-job';
import { evidencePackJob, periodReportJob } from '../reports/report-jobs';
import type { Db } from '../store/store';

/** What a job has in its worker: its own read-only connection, and the fonts. */
export interface JobEnv {
  db: Db;
  fontsDir?: string;
}

/**
 * Long work done off the shell's thread (job-runner.ts), each a function of plain data (its input
 * crosses to the worker by structured clone) that reads what it needs through env.db.
 */
export const JOBS = {
  dailyRegister: dailyRegisterJob,
  registerExport: registerExportJob,
  periodReport: periodReportJob,
  evidencePack: evidencePackJob,
} satisfies Record<string, (input: never, env: JobEnv) => Promise<unknown>>;

export type JobKind = keyof typeof JOBS;
export type JobInput<K extends JobKind> = Parameters<(typeof JOBS)[K]>[0];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<(typeof JOBS)[K]>>;
