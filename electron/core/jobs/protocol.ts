import type { AppErrorShape } from '@shared/errors';
import type { ReaderSpec } from '../store/reader';

/** What the worker is started with. */
export interface JobWorkerData {
  reader: ReaderSpec;
  fontsDir?: string;
}

export interface JobRequest {
  id: number;
  kind: string;
  input: unknown;
}

export type JobReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; appError: AppErrorShape }
  | { id: number; ok: false; message: string };
