import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { chmod, link, mkdtemp, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { ltr } from '@shared/text/isolate';
import { STORE_FILE_NAME } from '../store/store-file';
import { checkArchive } from './archive-check';
import { processAlive } from './backup-runs';
import { backupFileName, partialFileName, partialOwner } from './backup-names';
import { fileProblem } from './file-problems';
import { listDataFiles } from './data-folder';
import { APP_VERSION, MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION, MANIFEST_PATH, schemaVersionOf, type BackupManifest } from './manifest';
import { takeSnapshot } from './snapshot';
import { TarWriter, type TarEntryWritten } from './tar';

export type BackupPhase = 'snapshot' | 'archive' | 'verify';

export interface BackupProgress {
  phase: BackupPhase;
  /** Of the whole backup, 0 to 1. */
  fraction: number;
}

export interface CreateBackupOptions {
  dataDir: string;
  /** Where the backup file goes (created user-only if missing). */
  folder: string;
  now?: Date;
  nativeBinding?: string;
  onProgress?: (progress: BackupProgress) => void;
  /** A statement run on the snapshot before it is checked, given the backup's final name. */
  amendSnapshot?: (name: string) => { sql: string; params: (string | number)[] };
}

export interface CreatedBackup {
  file: string;
  name: string;
  size: number;
  manifest: BackupManifest;
}

// Each phase's share of the progress bar: the snapshot reads the store, the archive and the check
// read (and write) everything once more.
const SHARE: Record<BackupPhase, [number, number]> = { snapshot: [0, 0.3], archive: [0.3, 0.7], verify: [0.7, 1] };

/** Snapshot folders are named after their process, so a later run can tell a dead run's leftovers. */
const SNAPSHOT_PREFIX = '.backup-snapshot-';

/**
 * One backup of the whole data folder's data (data-folder.ts) as one tar file:
 *  1. a consistent snapshot of the store (`VACUUM INTO`, off the event loop; snapshot.ts), checked;
 *  2. the snapshot, every data file and the manifest (rows per table, size and SHA-256 of every
 *     file, schema and app versions) written to a partial name in the backup folder, flushed;
 *  3. read back whole and checked against the manifest;
 *  4. only then renamed to its final name (and the folder flushed), so a final name only ever points
 *     at a complete, verified backup — a crash or kill at any point leaves at most a partial file,
 *     which the next run removes.
 * Files and folders it creates are the user's only (0600 / 0700). Failures are AppErrors in Arabic.
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const now = options.now ?? new Date();
  const report = (phase: BackupPhase, f: number) => {
    const [from, to] = SHARE[phase];
    options.onProgress?.({ phase, fraction: from + (to - from) * Math.min(1, Math.max(0, f)) });
  };
  const storeFile = join(options.dataDir, STORE_FILE_NAME);
  if (!existsSync(storeFile)) throw new AppError('not_found', ar.backups.noStore);

  ensurePrivateFolder(options.folder);
  removeLeftovers(options.dataDir, options.folder);

  let snapshotDir: string | null = null;
  let partial: string | null = null;
  let writer: TarWriter | null = null;
  try {
    report('snapshot', 0);
    snapshotDir = await mkdtemp(join(options.dataDir, `${SNAPSHOT_PREFIX}${process.pid}-`));
    await chmod(snapshotDir, 0o700);
    const snapshotFile = join(snapshotDir, STORE_FILE_NAME);
    const name = freeName(options.folder, now);
    const amend = options.amendSnapshot?.(name);
    const facts = await takeSnapshot(storeFile, snapshotFile, { nativeBinding: options.nativeBinding, amend }, (f) => report('snapshot', f));
    if (facts.integrity !== 'ok') throw new Error(`snapshot failed integrity_check: ${facts.integrity}`);
    report('snapshot', 1);

    // Listed after the snapshot: every scan a row of the snapshot names was written before its row.
    const files = listDataFiles(options.dataDir);
    const snapshotInfo = await stat(snapshotFile);
    const total = snapshotInfo.size + files.reduce((n, f) => n + f.size, 0);

    partial = join(options.folder, partialFileName(name));
    writer = await TarWriter.create(partial);
    let archived = 0;
    const onBytes = (n: number) => report('archive', (archived += n) / Math.max(1, total));
    const written: TarEntryWritten[] = [await writer.addFile(STORE_FILE_NAME, snapshotFile, snapshotInfo.size, now, onBytes)];
    for (const f of files) written.push(await writer.addFile(f.path, f.absolute, f.size, f.mtime, onBytes));
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_FORMAT_VERSION,
      createdAt: now.toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: schemaVersionOf(facts.migrations),
      migrations: facts.migrations,
      database: STORE_FILE_NAME,
      tables: facts.tables,
      files: written,
    };
    await writer.addBuffer(MANIFEST_PATH, Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), now);
    await writer.finish();
    writer = null;
    await rm(snapshotDir, { recursive: true, force: true });
    snapshotDir = null;

    report('verify', 0);
    let checked = 0;
    await checkArchive(partial, { onBytes: (n) => report('verify', (checked += n) / Math.max(1, total)) });

    // link + unlink rather than rename: a name taken meanwhile by another desk's backup is never replaced.
    const file = join(options.folder, name);
    await publish(partial, file);
    partial = null;
    await flushFolder(options.folder);
    report('verify', 1);
    return { file, name, size: (await stat(file)).size, manifest };
  } catch (error) {
    throw asBackupFailure(error, options.folder);
  } finally {
    await writer?.abandon();
    if (partial) await unlink(partial).catch(() => undefined);
    if (snapshotDir) await rm(snapshotDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** A final name not yet taken in the folder (two backups within one second get -2, -3 …). */
function freeName(folder: string, at: Date): string {
  for (let serial = 1; ; serial++) {
    const name = backupFileName(at, serial);
    if (!existsSync(join(folder, name))) return name;
  }
}

async function publish(partial: string, file: string): Promise<void> {
  try {
    await link(partial, file);
    await unlink(partial);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // File systems without hard links (FAT on a USB stick): a rename, the name checked just before.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      if (existsSync(file)) throw error;
      await rename(partial, file);
    } else {
      throw error;
    }
  }
}

async function flushFolder(folder: string): Promise<void> {
  // Not possible on every platform (Windows opens no folder); the rename is then as durable as the OS makes it.
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * The backup folder, created user-only when missing. An existing folder the administrator chose
 * (a USB stick's) keeps its mode; the backup files in it are user-only anyway.
 */
export function ensurePrivateFolder(folder: string): void {
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (!statSync(folder).isDirectory()) throw new AppError('validation', fill(ar.backups.folderUnusable, { folder: ltr(folder) }));
}

/** A dead run's snapshot folder and partial backup (killed, power cut): removed, never listed. */
function removeLeftovers(dataDir: string, folder: string): void {
  for (const name of safeList(dataDir)) {
    const pid = name.startsWith(SNAPSHOT_PREFIX) ? Number(name.slice(SNAPSHOT_PREFIX.length).split('-')[0]) : null;
    if (pid !== null && !processAlive(pid)) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
  for (const name of safeList(folder)) {
    const pid = partialOwner(name);
    if (pid !== null && !processAlive(pid)) rmSync(join(folder, name), { force: true });
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}


function asBackupFailure(error: unknown, folder: string): AppError {
  if (error instanceof AppError) return error;
  const problem = fileProblem(error, folder);
  const wrapped = new AppError('internal', fill(ar.backups.failed, { reason: problem }));
  (wrapped as { cause?: unknown }).cause = error;
  return wrapped;
}
