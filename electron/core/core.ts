import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { ar } from '../../shared/labels/ar';
import { BackupService } from './backup/backup-service';
import type { StoreSwap, UndoSwap } from './backup/restore-backup';
import { CallGate } from './call-gate';
import type { AboutView } from '../../shared/contract';
import { aboutFacts } from './computer/about';
import { BROWSER_SHELL, type ShellFacts } from './computer/shell-facts';
import type { RuntimeFlags } from './context';
import { createDispatcher, type Dispatch } from './dispatcher';
import { PASSWORD_COST, type PasswordCost } from './auth/passwords';
import { buildHandlers } from './handlers';
import { makePrivateDir, makePrivateFile, makePrivateTree } from './private-files';
import { createJobRunner } from './jobs/job-runner';
import { SessionStore } from './sessions';
import { readSettings } from './settings/read-settings';
import { openPostgresStore } from './store/postgres/open-postgres-store';
import type { ReaderSpec } from './store/reader';
import { openSqliteStore } from './store/sqlite/open-sqlite-store';
import { STORE_FILE_NAME } from './store/store-file';
import type { Store } from './store/store';

export { STORE_FILE_NAME };

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
  /**
   * scrypt's cost for new hashes; PASSWORD_COST unless given. Only the test helpers give a lower one
   * (a suite that creates hundreds of accounts); the shells never do.
   */
  passwordCost?: PasswordCost;
  /** How long a call waits for another process's lock before it is refused as busy (tests shorten it). */
  lockWaitMs?: number;
  /** The shell running this core and what it can do for this computer; the loopback shell's when not given. */
  shell?: ShellFacts;
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
  /** The store open now (a restore of the SQLite store closes it and opens the restored one). */
  readonly store: Store;
  dataDir: string;
  /** The cost new password hashes are made with (startWithDemo hashes the demo accounts with it). */
  passwordCost: PasswordCost;
  /** Backups and restore; the shells start its daily schedule and its closing backup. */
  backups: BackupService;
  /** «حول البرنامج» (computer.about), for the Electron shell's own menu. */
  about: AboutView;
  /** Waits for a backup or restore under way, then closes the store. */
  close(): Promise<void>;
}

/** The whole application behind both shells: plain Node, no `electron`. */
export async function createCore(options: CoreOptions): Promise<Core> {
  // Personal data: the folder and everything in it user-only, also what an older version left loose.
  makePrivateDir(options.dataDir);
  for (const { path, reason } of makePrivateTree(options.dataDir).failed) console.warn(`[core] not made user-only: ${path} (${reason})`);
  const choice = options.store ?? { kind: 'sqlite' };
  const storeFile = join(options.dataDir, STORE_FILE_NAME);
  const log = options.log ?? ((error: unknown, op: string) => console.error(`[core] ${op}:`, error));
  const open = (): Promise<Store> => {
    if (choice.kind === 'postgres') {
      return openPostgresStore({ url: choice.url, lockWaitMs: options.lockWaitMs, onPoolError: (error) => log(error, 'store') });
    }
    makePrivateFile(storeFile);
    return openSqliteStore({ file: storeFile, nativeBinding: options.nativeBinding, lockWaitMs: options.lockWaitMs });
  };
  let store = await open();
  const sessions = new SessionStore();
  const now = options.now ?? (() => new Date());
  const passwordCost = options.passwordCost ?? PASSWORD_COST;
  const handlers = buildHandlers();
  const fontsDir = options.resourcesDir ? join(options.resourcesDir, 'fonts') : undefined;
  // The worker reads the store through a connection of its own: made anew whenever the store is reopened.
  const reader: ReaderSpec =
    choice.kind === 'postgres' ? { engine: 'postgres', url: choice.url } : { engine: 'sqlite', file: storeFile, nativeBinding: options.nativeBinding };
  const jobsFor = () => createJobRunner({ reader, fontsDir });
  const shell = options.shell ?? BROWSER_SHELL;
  const about = aboutFacts({ dataDir: options.dataDir, storeFile, store: choice, shell });
  const runtime: RuntimeFlags = {
    about,
    shell,
    dataDir: options.dataDir,
    fontsDir,
    jobs: jobsFor(),
    passwordCost,
    commonPasswordsFile: options.resourcesDir ? join(options.resourcesDir, 'passwords', 'common-passwords.txt') : undefined,
  };
  const dispatcherFor = (s: Store) => createDispatcher({ store: s, sessions, handlers, runtime, now, log });
  let dispatch = dispatcherFor(store);
  const gate = new CallGate();

  // A restore (of the SQLite store: backups.* refuse on PostgreSQL): every call waits while the store is closed, the data swapped and the result opened;
  // a result that cannot be opened is undone. Everyone signs in again, on whichever store is open.
  const swap: StoreSwap = (replace) =>
    gate.exclusive(async () => {
      // Every connection to the file closed, the worker's too: the restore swaps the file underneath.
      await runtime.jobs?.close();
      await store.close();
      let undo: UndoSwap;
      try {
        undo = await replace();
      } catch (error) {
        store = await open();
        dispatch = dispatcherFor(store);
        throw error;
      }
      try {
        store = await open();
      } catch (error) {
        log(error, 'backups.restore');
        await undo();
        store = await open();
        throw new AppError('internal', ar.backups.restoreUndone);
      } finally {
        dispatch = dispatcherFor(store);
        runtime.jobs = jobsFor();
        sessions.signOutAll();
      }
    });

  const backups = new BackupService({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, now, store: () => store, swap, log });
  runtime.backups = backups;

  async function sweepSessions() {
    const { sessionExpiryHours } = await readSettings(store.db, ['sessionExpiryHours']);
    return sessions.sweep(now().getTime(), sessionExpiryHours * 3_600_000);
  }
  const sweeper = setInterval(() => void sweepSessions().catch((error) => log(error, 'sessions.sweep')), SESSION_SWEEP_MS);
  sweeper.unref();

  return {
    dispatch: (operation, input, sessionId) => gate.run(() => dispatch(operation, input, sessionId)),
    createSession: (sessionOptions) => sessions.create(now().getTime(), sessionOptions).id,
    endSession: (id) => sessions.delete(id),
    sweepSessions,
    get store() {
      return store;
    },
    dataDir: options.dataDir,
    passwordCost,
    backups,
    about,
    close: async () => {
      clearInterval(sweeper);
      await backups.idle();
      await runtime.jobs?.close();
      await store.close();
    },
  };
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
