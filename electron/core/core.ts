import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { ar } from '../../shared/labels/ar';
import { BackupService } from './backup/backup-service';
import type { StoreSwap, UndoSwap } from './backup/restore-backup';
import { CallGate } from './call-gate';
import type { RuntimeFlags } from './context';
import { createDispatcher, type Dispatch } from './dispatcher';
import { buildHandlers } from './handlers';
import { SessionStore } from './sessions';
import { openSqliteStore, type SqliteStore } from './store/sqlite/open-sqlite-store';
import { STORE_FILE_NAME } from './store/store-file';

export { STORE_FILE_NAME };

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
  /** The store open now (a restore closes it and opens the restored one). */
  readonly store: SqliteStore;
  dataDir: string;
  /** Backups and restore; the shells start its daily schedule and its closing backup. */
  backups: BackupService;
  /** Waits for a backup or restore under way, then closes the store. */
  close(): Promise<void>;
}

/** The whole application behind both shells: plain Node, no `electron`. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const open = () => openSqliteStore({ file: join(options.dataDir, STORE_FILE_NAME), nativeBinding: options.nativeBinding });
  let store = await open();
  const sessions = new SessionStore();
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((error, op) => console.error(`[core] ${op}:`, error));
  const handlers = buildHandlers();
  const runtime: RuntimeFlags = {
    dataDir: options.dataDir,
    fontsDir: options.resourcesDir ? join(options.resourcesDir, 'fonts') : undefined,
  };
  const dispatcherFor = (s: SqliteStore) => createDispatcher({ store: s, sessions, handlers, runtime, now, log });
  let dispatch = dispatcherFor(store);
  const gate = new CallGate();

  // A restore: every call waits while the store is closed, the data swapped and the result opened;
  // a result that cannot be opened is undone. Everyone signs in again, on whichever store is open.
  const swap: StoreSwap = (replace) =>
    gate.exclusive(async () => {
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
        sessions.signOutAll();
      }
    });

  const backups = new BackupService({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, now, store: () => store, swap, log });
  runtime.backups = backups;

  return {
    dispatch: (operation, input, sessionId) => gate.run(() => dispatch(operation, input, sessionId)),
    createSession: () => sessions.create(now().getTime()).id,
    endSession: (id) => sessions.delete(id),
    get store() {
      return store;
    },
    dataDir: options.dataDir,
    backups,
    close: async () => {
      await backups.idle();
      await store.close();
    },
  };
}
