import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './dispatcher';
import { buildHandlers } from './handlers';
import { createJobRunner } from './jobs/job-runner';
import { SessionStore } from './sessions';
import { openSqliteStore, type SqliteStore } from './store/sqlite/open-sqlite-store';

export const STORE_FILE_NAME = 'istiqbal.sqlite3';

export interface CoreOptions {
  /** The data folder; the store is `istiqbal.sqlite3` inside it. */
  dataDir: string;
  /** better_sqlite3.node for the running ABI (the Electron shell's own build). */
  nativeBinding?: string;
  /** The clock, replaceable in tests (ticket sequence across midnight, session lock). */
  now?: () => Date;
  log?: (error: unknown, operation: string) => void;
  /** The app's resources folder (fonts) when packaged; found beside the build otherwise. */
  resourcesDir?: string;
  /** How long a call waits for another process's lock before it is refused as busy (tests shorten it). */
  lockWaitMs?: number;
}

export interface Core {
  dispatch: Dispatch;
  /** A new anonymous session (one per window / browser tab); returns its id. */
  createSession(): string;
  endSession(id: string): void;
  store: SqliteStore;
  dataDir: string;
  close(): Promise<void>;
}

/** The whole application behind both shells: plain Node, no `electron`. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, STORE_FILE_NAME);
  const store = await openSqliteStore({ file, nativeBinding: options.nativeBinding, lockWaitMs: options.lockWaitMs });
  const sessions = new SessionStore();
  const now = options.now ?? (() => new Date());
  const fontsDir = options.resourcesDir ? join(options.resourcesDir, 'fonts') : undefined;
  const jobs = createJobRunner({ reader: { engine: 'sqlite', file, nativeBinding: options.nativeBinding }, fontsDir });
  const dispatch = createDispatcher({
    store,
    sessions,
    handlers: buildHandlers(),
    runtime: { dataDir: options.dataDir, fontsDir, jobs },
    now,
    log: options.log ?? ((error, op) => console.error(`[core] ${op}:`, error)),
  });
  return {
    dispatch,
    createSession: () => sessions.create(now().getTime()).id,
    endSession: (id) => sessions.delete(id),
    store,
    dataDir: options.dataDir,
    async close() {
      await jobs.close();
      await store.close();
    },
  };
}
