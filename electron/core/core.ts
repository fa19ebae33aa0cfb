import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './dispatcher';
import { buildHandlers } from './handlers';
import { SessionStore } from './sessions';
import { openPostgresStore } from './store/postgres/open-postgres-store';
import { openSqliteStore } from './store/sqlite/open-sqlite-store';
import type { Store } from './store/store';

export const STORE_FILE_NAME = 'istiqbal.sqlite3';

/**
 * Where the store lives: the SQLite file in the data folder (one desk; the default), or a PostgreSQL
 * server that a hall's desks share (`--store postgres://…`, ISTIQBAL_STORE).
 */
export type StoreChoice = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

export interface CoreOptions {
  /**
   * The data folder: the SQLite store `istiqbal.sqlite3` when that is the store, and on either store
   * the desk's own files — scans and reference PDFs (still files here, also with PostgreSQL, until they
   * move into the store), printed PDFs, loopback.json.
   */
  dataDir: string;
  /** The SQLite file in dataDir unless told otherwise. */
  store?: StoreChoice;
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
  store: Store;
  dataDir: string;
  close(): Promise<void>;
}

/** The whole application behind both shells: plain Node, no `electron`. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const choice = options.store ?? { kind: 'sqlite' };
  const store: Store =
    choice.kind === 'postgres'
      ? await openPostgresStore({ url: choice.url, onPoolError: (error) => (options.log ?? logError)(error, 'store') })
      : await openSqliteStore({ file: join(options.dataDir, STORE_FILE_NAME), nativeBinding: options.nativeBinding });
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
    log: options.log ?? logError,
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

function logError(error: unknown, operation: string) {
  console.error(`[core] ${operation}:`, error);
}

/**
 * The store named on the command line (`--store postgres://…`) or in ISTIQBAL_STORE, else SQLite in the
 * data folder. A value that is no PostgreSQL URL is refused rather than silently opening the SQLite file.
 */
export function storeChoiceFrom(value: string | undefined): StoreChoice {
  if (!value || value === 'sqlite') return { kind: 'sqlite' };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  throw new Error(`--store / ISTIQBAL_STORE: expected postgres://user@host:5432/database or sqlite, got "${value.replace(/:[^:@/]*@/, ':…@')}"`);
}
