import { existsSync, readdirSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { STORE_FILE_NAME } from '../store/store-file';
import { checkArchive, peekManifest, refuseNewerSchema } from './archive-check';
import { BEFORE_RESTORE_FOLDER, DATA_FOLDERS, STORE_COMPANIONS } from './data-folder';
import { fileProblem } from './file-problems';
import type { BackupManifest } from './manifest';
import { checkSnapshot } from './snapshot';

export type RestorePhase = 'extract' | 'check' | 'swap';

export interface RestoreProgress {
  phase: RestorePhase;
  fraction: number;
}

/** Puts the data folder back as it was before a replacement that could not be opened. */
export type UndoSwap = () => Promise<void>;

/**
 * Runs the replacement of the data with the store closed and opens the result; when that fails,
 * undoes the replacement and opens what was there before (then rethrows). The core passes one that
 * also holds every call meanwhile; the command line's opens and closes the store once.
 */
export type StoreSwap = (replace: () => Promise<UndoSwap>) => Promise<void>;

export interface RestoreOptions {
  dataDir: string;
  file: string;
  now?: Date;
  nativeBinding?: string;
  swap: StoreSwap;
  onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoredBackup {
  manifest: BackupManifest;
  /** The folder that holds what the data folder held before (before-restore/<time>). */
  keptAside: string;
}

const SHARE: Record<RestorePhase, [number, number]> = { extract: [0, 0.8], check: [0.8, 0.95], swap: [0.95, 1] };
const STAGING_PREFIX = '.restore-staging-';

/**
 * Restores a backup over the data folder: everything is checked before anything in place is touched
 * — the files unpacked into a staging folder are checked against the manifest (size, SHA-256), the
 * database passes `integrity_check`, has the rows the manifest counted and no migration newer than
 * this program's — then, with the store closed and no other desk holding it, the data in place is
 * moved aside (kept under before-restore/<time>, never deleted) and the unpacked data moved in.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoredBackup> {
  const now = options.now ?? new Date();
  const report = (phase: RestorePhase, f: number) => {
    const [from, to] = SHARE[phase];
    options.onProgress?.({ phase, fraction: from + (to - from) * Math.min(1, Math.max(0, f)) });
  };
  if (!existsSync(options.file)) {
    throw new AppError('validation', ar.backups.fileMissing, [{ path: ['backupFile'], message: ar.backups.fileMissing }]);
  }
  // Told by the manifest alone, before anything is read or unpacked.
  refuseNewerSchema(await peekManifest(options.file));
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });

  let staging: string | null = await mkdtemp(join(options.dataDir, STAGING_PREFIX));
  try {
    await chmod(staging, 0o700);
    report('extract', 0);
    // The archive's size stands for the bytes to read (headers are a rounding error).
    const totalBytes = statSync(options.file).size;
    let read = 0;
    const manifest = await checkArchive(options.file, { extractTo: staging, onBytes: (n) => report('extract', (read += n) / Math.max(1, totalBytes)) });

    report('check', 0);
    const facts = await checkSnapshot(join(staging, manifest.database), { nativeBinding: options.nativeBinding });
    if (facts.integrity !== 'ok') throw damagedDatabase();
    refuseNewerSchema(manifest, facts.migrations);
    for (const [table, count] of Object.entries(manifest.tables)) if (facts.tables[table] !== count) throw damagedDatabase();
    report('check', 1);

    report('swap', 0);
    const aside = join(options.dataDir, BEFORE_RESTORE_FOLDER, now.toISOString().replace(/[:.]/g, '-'));
    const stagingDir = staging;
    await options.swap(async () => {
      // A store another desk's process has open would go on writing into the file moved aside.
      refuseIfStoreInUse(options.dataDir, options.nativeBinding);
      return swapIn(options.dataDir, stagingDir, aside, manifest.database);
    });
    report('swap', 1);
    return { manifest, keptAside: aside };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const wrapped = new AppError('internal', fill(ar.backups.failed, { reason: fileProblem(error, options.dataDir) }));
    (wrapped as { cause?: unknown }).cause = error;
    throw wrapped;
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    staging = null;
  }
}

function damagedDatabase(): AppError {
  return new AppError('validation', ar.backups.damagedDatabase, [{ path: ['backupFile'], message: ar.backups.damagedDatabase }]);
}

/**
 * Refuses while another connection has the store open: leaving WAL mode needs the only connection,
 * so SQLite itself answers (and the store is left one self-contained file to move aside).
 */
function refuseIfStoreInUse(dataDir: string, nativeBinding: string | undefined): void {
  const file = join(dataDir, STORE_FILE_NAME);
  if (!existsSync(file)) return;
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.pragma('busy_timeout = 2000');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new AppError('conflict', ar.backups.storeInUse);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || (error as { code?: string }).code?.startsWith('SQLITE_LOCKED')) {
      throw new AppError('conflict', ar.backups.storeInUse);
    }
    throw error;
  } finally {
    db?.close();
  }
}

/**
 * Moves the store and the data folders in place aside, then the unpacked ones in. Renames inside one
 * folder: quick, and each either happens or not. Returns how to put everything back.
 */
async function swapIn(dataDir: string, staging: string, aside: string, database: string): Promise<UndoSwap> {
  await mkdir(aside, { recursive: true, mode: 0o700 });
  const ours = [STORE_FILE_NAME, ...STORE_COMPANIONS, ...DATA_FOLDERS];
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  const undo: UndoSwap = async () => {
    for (const name of movedIn.reverse()) await rm(join(dataDir, name), { recursive: true, force: true });
    for (const name of movedAside.reverse()) await rename(join(aside, name), join(dataDir, name));
  };
  try {
    for (const name of ours) {
      if (!existsSync(join(dataDir, name))) continue;
      await rename(join(dataDir, name), join(aside, name));
      movedAside.push(name);
    }
    const incoming = readdirSync(staging);
    if (!incoming.includes(database)) throw new Error('the unpacked backup has no database');
    for (const name of incoming) {
      if (name !== database && !(DATA_FOLDERS as readonly string[]).includes(name)) continue;
      const target = name === database ? STORE_FILE_NAME : name;
      await rename(join(staging, name), join(dataDir, target));
      movedIn.push(target);
    }
  } catch (error) {
    await undo();
    throw error;
  }
  return undo;
}
