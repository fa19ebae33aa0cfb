import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { BackupService } from './backup/backup-service';
import type { StoreSwap, UndoSwap } from './backup/restore-backup';
import { CallGate } from './call-gate';
import type { AboutView } from '@shared/contract';
import { aboutFacts } from './computer/about';
import { BROWSER_SHELL, type ShellFacts } from './computer/shell-facts';
import type { RuntimeFlags } from './context';
import { createDispatcher, type Dispatch } from './dispatcher';
import { PASSWORD_COST, type PasswordCost } from './auth/passwords';
import { buildHandlers } from './handlers';
import { makePrivateDir, makePrivateFile, makePrivateTree } from './private-files';
import { createJobRunner } from './jobs/job-runner';
import { polledChanges, pushedChanges, type LiveChanges } from './live-changes';
import { SessionStore } from './sessions';
import { adoptStoredDeskFacts } from './settings/desk-facts';
import { readSettings } from './settings/read-settings';
import { startChangeListener } from './store/postgres/change-listener';
import { isConnectionLoss } from './store/postgres/connection-errors';
import { openPostgresStore, type PostgresStore } from './store/postgres/open-postgres-store';
import type { FileStore } from './store/files/file-store';
import { openFileStore } from './store/files/open-file-store';
import { StoreMoveService } from './store-move/store-move-service';
import { withWritesPaused } from './store-move/writes-paused';
import type { ReaderSpec } from './store/reader';
import { openSqliteStore } from './store/sqlite/open-sqlite-store';
import { STORE_FILE_NAME } from './store/store-file';
import type { Store } from './store/store';
import type { StoreSource } from '@shared/contract';
import { defaultPasswordFile } from './store/connection/pgpass';
import { PasswordKeeper, type PasswordSeal } from './store/connection/password-keeper';
import type { StoreChoice } from './store/connection/store-start';

export { STORE_FILE_NAME };
export { storeChoiceFrom, storeToOpen, type StoreChoice } from './store/connection/store-start';

export interface CoreOptions {
  /**
   * The data folder: the SQLite store `istiqbal.sqlite3` with its scans, reference PDFs and printed
   * copies when that is the store (on PostgreSQL those live in the database), and on either store the
   * desk's own files — loopback.json, the browser's profile.
   */
  dataDir: string;
  /** The SQLite file in dataDir unless told otherwise. */
  store?: StoreChoice;
  /** Where `store` was named (storeToOpen): the settings screen says it. Default: 'flag' for a PostgreSQL store, else 'default'. */
  storeSource?: StoreSource;
  /** The desktop shell's safeStorage, to seal a saved server's password; without it the password goes to the PostgreSQL password file. */
  passwordSeal?: PasswordSeal;
  /** The PostgreSQL password file (libpq's .pgpass) when there is no seal; PGPASSFILE or ~/.pgpass unless given (tests give their own). */
  passwordFile?: string;
  /** How long a connection test waits for a server (tests shorten it). */
  probeTimeoutMs?: number;
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
  /** Scans, reference PDFs and printed copies, as this store keeps them (in the data folder or in PostgreSQL). */
  files: FileStore;
  /** The cost new password hashes are made with (startWithDemo hashes the demo accounts with it). */
  passwordCost: PasswordCost;
  /** Backups and restore; the shells start its daily schedule and its closing backup. */
  backups: BackupService;
  /** The store's changes and state, pushed on PostgreSQL (each shell subscribes and tells its renderer). */
  changes: LiveChanges;
  /** Moving this SQLite store into PostgreSQL from the settings screen (store.migrateTo). */
  storeMove: StoreMoveService;
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
  const openEngine = (): Promise<Store> => {
    if (choice.kind === 'postgres') {
      // An idle connection ended by a server going away is no fault of ours: the change listener reports the outage.
      const onPoolError = (error: Error) => isConnectionLoss(error) || log(error, 'store');
      return openPostgresStore({ url: choice.url, lockWaitMs: options.lockWaitMs, onPoolError });
    }
    makePrivateFile(storeFile);
    return openSqliteStore({ file: storeFile, nativeBinding: options.nativeBinding, lockWaitMs: options.lockWaitMs });
  };
  // Everything in the core writes through the store with its writes paused while a move to PostgreSQL
  // reads it (StoreMoveService); the move itself waits for the writes under way on the engine's own.
  let moves: StoreMoveService | null = null;
  let engine: Store;
  const open = async (): Promise<Store> => {
    engine = await openEngine();
    return withWritesPaused(engine, () => moves?.writesPaused ?? false);
  };
  let store = await open();
  // A backup folder an earlier version kept in the SQLite store becomes this PC's fact (settings/desk-facts.ts).
  await adoptStoredDeskFacts(store, options.dataDir).catch((error: unknown) => log(error, 'settings.deskFacts'));
  const sessions = new SessionStore();
  const now = options.now ?? (() => new Date());
  const passwordCost = options.passwordCost ?? PASSWORD_COST;
  const handlers = buildHandlers();
  const fontsDir = options.resourcesDir ? join(options.resourcesDir, 'fonts') : undefined;
  // The worker reads the store through a connection of its own: made anew whenever the store is reopened.
  const reader: ReaderSpec =
    choice.kind === 'postgres' ? { engine: 'postgres', url: choice.url } : { engine: 'sqlite', file: storeFile, nativeBinding: options.nativeBinding };
  const jobsFor = () => createJobRunner({ reader, fontsDir });
  const files = openFileStore(choice.kind, options.dataDir);
  const shell = options.shell ?? BROWSER_SHELL;
  const about = aboutFacts({ dataDir: options.dataDir, storeFile, store: choice, shell });
  const runtime: RuntimeFlags = {
    about,
    shell,
    dataDir: options.dataDir,
    files,
    fontsDir,
    jobs: jobsFor(),
    passwordCost,
    commonPasswordsFile: options.resourcesDir ? join(options.resourcesDir, 'passwords', 'common-passwords.txt') : undefined,
    storeConnection: {
      dataDir: options.dataDir,
      source: options.storeSource ?? (choice.kind === 'postgres' ? 'flag' : 'default'),
      current: choice,
      keeper: new PasswordKeeper({ seal: options.passwordSeal, passwordFile: options.passwordFile ?? defaultPasswordFile() }),
      probeTimeoutMs: options.probeTimeoutMs,
    },
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
  moves = new StoreMoveService({
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    now,
    store: () => store,
    writesDrained: () => engine.write(async () => undefined),
    backupsBusy: () => backups.busy,
    log,
  });
  runtime.storeMove = moves;
  const storeMove = moves;

  async function sweepSessions() {
    const { sessionExpiryHours } = await readSettings(store.db, ['sessionExpiryHours']);
    return sessions.sweep(now().getTime(), sessionExpiryHours * 3_600_000);
  }
  const changes: LiveChanges =
    choice.kind === 'postgres'
      ? pushedChanges((events) =>
          startChangeListener({
            url: choice.url,
            onChange: events.onChange,
            onState: (connected) => {
              console.warn(connected ? '[core] the store\'s server answers again' : '[core] the store\'s server cannot be reached: retrying');
              events.onState(connected);
            },
            // Connections to a server that stopped answering hang until TCP gives up: cut them, so
            // calls waiting on them are answered at once.
            onUnreachable: () => (store as PostgresStore).abandonConnections(),
          }),
        )
      : polledChanges();

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
    files,
    passwordCost,
    backups,
    changes,
    storeMove,
    about,
    close: async () => {
      clearInterval(sweeper);
      await changes.close();
      await backups.idle();
      await storeMove.idle();
      await runtime.jobs?.close();
      await store.close();
    },
  };
}
