import { createHash, type Hash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { isNewerSchema, MANIFEST_PATH, parseManifest, type BackupManifest } from './manifest';
import { findLastEntry, listTar, readTar, readTarEntry, TarFormatError, type TarEntryHeader } from './tar';
import { ltr } from '@shared/text/isolate';

/** Refusals of a backup file: the data in place is never touched by any of them. */
export function notABackup(): AppError {
  return new AppError('validation', ar.backups.notABackup, [{ path: ['backupFile'], message: ar.backups.notABackup }]);
}

const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The manifest of a backup file, read from the file's end (the last entry) without walking the
 * archive: enough to list a backup and to refuse one from a newer program at once. Throws an Arabic
 * refusal. The whole file is checked (checkArchive) before any restore.
 */
export async function peekManifest(file: string): Promise<BackupManifest> {
  let last: TarEntryHeader | null;
  try {
    last = await findLastEntry(file, MANIFEST_MAX_BYTES);
  } catch (error) {
    if (error instanceof TarFormatError) throw notABackup();
    throw error;
  }
  if (!last || last.path !== MANIFEST_PATH) throw notABackup();
  const manifest = parseManifest(await readTarEntry(file, last));
  if (!manifest) throw notABackup();
  return manifest;
}

/** The manifest and every entry, by walking the archive's headers. Throws an Arabic refusal. */
export async function readManifest(file: string): Promise<{ manifest: BackupManifest; entries: TarEntryHeader[] }> {
  let entries: TarEntryHeader[];
  try {
    entries = await listTar(file);
  } catch (error) {
    if (error instanceof TarFormatError) throw notABackup();
    throw error;
  }
  const last = entries[entries.length - 1];
  if (!last || last.path !== MANIFEST_PATH || last.size > MANIFEST_MAX_BYTES) throw notABackup();
  const manifest = parseManifest(await readTarEntry(file, last));
  if (!manifest) throw notABackup();
  return { manifest, entries };
}

export function refuseNewerSchema(manifest: BackupManifest, migrations = manifest.migrations): void {
  if (isNewerSchema(migrations, manifest.schemaVersion)) {
    const message = fill(ar.backups.newerSchema, { version: ltr(manifest.appVersion) });
    throw new AppError('validation', message, [{ path: ['backupFile'], message }]);
  }
}

export interface CheckArchiveOptions {
  /** Unpacks every file under this folder (which must exist) while checking it. */
  extractTo?: string;
  onBytes?: (n: number) => void;
}

/**
 * Reads a whole backup back and checks it against its manifest: exactly the files it lists, each
 * with its size and SHA-256, none twice, nothing else. With `extractTo`, the files are unpacked
 * (user-only) as they are read: one pass, and nothing in the data folder is touched.
 */
export async function checkArchive(file: string, options: CheckArchiveOptions = {}): Promise<BackupManifest> {
  const { manifest, entries } = await readManifest(file);
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  const listed = entries.slice(0, -1);
  if (expected.size !== manifest.files.length || listed.length !== expected.size) throw notABackup();
  if (!expected.has(manifest.database)) throw notABackup();
  const seen = new Set<string>();
  for (const e of listed) {
    if (!expected.has(e.path) || seen.has(e.path)) throw notABackup();
    seen.add(e.path);
  }

  let current: { path: string; hash: Hash; size: number; out: FileHandle | null; at: number } | null = null;
  try {
    await readTar(
      file,
      async (entry) => {
        if (entry.path === MANIFEST_PATH) return null;
        let out: FileHandle | null = null;
        if (options.extractTo) {
          const target = join(options.extractTo, ...entry.path.split('/'));
          await mkdir(dirname(target), { recursive: true, mode: 0o700 });
          out = await open(target, 'wx', 0o600);
        }
        const state = { path: entry.path, hash: createHash('sha256'), size: 0, out, at: 0 };
        current = state;
        return {
          async write(chunk) {
            state.hash.update(chunk);
            state.size += chunk.length;
            if (state.out) {
              let done = 0;
              while (done < chunk.length) done += (await state.out.write(chunk, done, chunk.length - done, state.at + done)).bytesWritten;
              state.at += chunk.length;
            }
          },
          async end() {
            if (state.out) {
              await state.out.sync();
              await state.out.close();
              state.out = null;
            }
            current = null;
            const want = expected.get(state.path)!;
            if (state.size !== want.size || state.hash.digest('hex') !== want.sha256) {
              const message = fill(ar.backups.damaged, { path: ltr(state.path) });
              throw new AppError('validation', message, [{ path: ['backupFile'], message }]);
            }
          },
        };
      },
      options.onBytes,
    );
  } catch (error) {
    const open = current as { out: FileHandle | null } | null;
    await open?.out?.close().catch(() => undefined);
    if (error instanceof TarFormatError) throw notABackup();
    throw error;
  }
  return manifest;
}
