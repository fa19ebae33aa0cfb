import type { Db } from './store';

/**
 * How a worker thread opens a read-only connection of its own to the store (a connection is never
 * shared between threads): plain data, so it crosses to the worker as workerData.
 */
export type ReaderSpec = { engine: 'sqlite'; file: string; nativeBinding?: string } | { engine: 'postgres'; url: string };

/** A read-only connection for long reads off the shell's thread (documents, exports). */
export interface Reader {
  readonly db: Db;
  /** Whether an error says the store's server could not be reached (Store.lostConnection). */
  lostConnection(error: unknown): boolean;
  close(): Promise<void>;
}
