import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './dispatcher';
import { PASSWORD_COST, type PasswordCost } from './auth/passwords';
import { buildHandlers } from './handlers';
import { makePrivateDir, makePrivateFile, makePrivateTree } from './private-files';
import { SessionStore } from './sessions';
import { readSettings } from './settings/read-settings';
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
  /**
   * scrypt's cost for new hashes; PASSWORD_COST unless given. Only the test helpers give a lower one
   * (a suite that creates hundreds of accounts); the shells never do.
   */
  passwordCost?: PasswordCost;
}

/** How often idle sessions are swept out (besides at their next call). */
const SESSION_SWEEP_MS = 5 * 60_000;

export interface Core {
  dispatch: Dispatch;
  /**
   * A new anonymous session (one per window / browser tab); returns its id. An Electron window's
   * (heldByWindow) ends with the window and is never removed for idleness or to make room.
   */
  createSession(options?: { heldByWindow?: boolean }): string;
  endSession(id: string): void;
  /** Removes the sessions idle past the setting and signs out the idle signed-in ones (also every 5 minutes by itself). */
  sweepSessions(): Promise<{ removed: number; signedOut: number }>;
  store: SqliteStore;
  dataDir: string;
  /** The cost new password hashes are made with (startWithDemo hashes the demo accounts with it). */
  passwordCost: PasswordCost;
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
  const passwordCost = options.passwordCost ?? PASSWORD_COST;
  const log = options.log ?? ((error: unknown, op: string) => console.error(`[core] ${op}:`, error));
  const dispatch = createDispatcher({
    store,
    sessions,
    handlers: buildHandlers(),
    runtime: {
      dataDir: options.dataDir,
      fontsDir: options.resourcesDir ? join(options.resourcesDir, 'fonts') : undefined,
      passwordCost,
      commonPasswordsFile: options.resourcesDir ? join(options.resourcesDir, 'passwords', 'common-passwords.txt') : undefined,
    },
    now,
    log,
  });
  async function sweepSessions() {
    const { sessionExpiryHours } = await readSettings(store.db, ['sessionExpiryHours']);
    return sessions.sweep(now().getTime(), sessionExpiryHours * 3_600_000);
  }
  const sweeper = setInterval(() => void sweepSessions().catch((error) => log(error, 'sessions.sweep')), SESSION_SWEEP_MS);
  sweeper.unref();
  return {
    dispatch,
    createSession: (sessionOptions) => sessions.create(now().getTime(), sessionOptions).id,
    endSession: (id) => sessions.delete(id),
    sweepSessions,
    store,
    dataDir: options.dataDir,
    passwordCost,
    close: () => {
      clearInterval(sweeper);
      return store.close();
    },
  };
}
