import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './dispatcher';
import { buildHandlers } from './handlers';
import { makePrivateDir, makePrivateFile, makePrivateTree } from './private-files';
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
  // Personal data: the folder and everything in it user-only, also what an older version left loose.
  makePrivateDir(options.dataDir);
  for (const { path, reason } of makePrivateTree(options.dataDir).failed) console.warn(`[core] not made user-only: ${path} (${reason})`);
  const storeFile = join(options.dataDir, STORE_FILE_NAME);
  makePrivateFile(storeFile);
  const store = await openSqliteStore({ file: storeFile, nativeBinding: options.nativeBinding });
  const sessions = new SessionStore();
  const now = options.now ?? (() => new Date());
  const dispatch = createDispatcher({
    store,
    sessions,
    handlers: buildHandlers(),
    runtime: {
      dataDir: options.dataDir,
      fontsDir: options.resourcesDir ? join(options.resourcesDir, 'fonts') : undefined,
    },
    now,
    log: options.log ?? ((error, op) => console.error(`[core] ${op}:`, error)),
  });
  return {
    dispatch,
    createSession: () => sessions.create(now().getTime()).id,
    endSession: (id) => sessions.delete(id),
    store,
    dataDir: options.dataDir,
    close: () => store.close(),
  };
}
