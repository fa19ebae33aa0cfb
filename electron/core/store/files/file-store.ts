import { createHash } from 'node:crypto';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { Db } from '../store';

/**
 * The files the association's data holds besides rows: scans attached to requests, the reference
 * shelf's PDFs, the copies the Electron shell keeps of what it printed. Each store keeps them its own
 * way — the SQLite store as files in the data folder (its backups take them from there), the
 * PostgreSQL store inside the database (every desk of the hall reads the same ones, one pg_dump backs
 * them up) — and the domain only ever goes through this, never the engine.
 */
export type FileShelf = 'attachments' | 'reference' | 'printed';

/** A kept file: its shelf (the data folder's folder of that name) and its name inside, folders split by "/". */
export interface FileRef {
  shelf: FileShelf;
  name: string;
}

/** A file on this computer holding a kept file's bytes, for a viewer; release() once the viewer is done. */
export interface LocalCopy {
  file: string;
  release(): Promise<void>;
}

export interface FileStore {
  /**
   * Keeps `bytes` as `ref`, replacing what was kept under that name; the same bytes under the same
   * name again cost nothing, and on PostgreSQL the same bytes under two names are kept once. `db` is
   * the caller's write transaction: on PostgreSQL the file is kept with the row that names it, or not
   * at all. Returns the bytes' SHA-256.
   */
  put(db: Db, ref: FileRef, bytes: Buffer, at?: Date): Promise<string>;
  /**
   * The bytes kept as `ref`, checked against the SHA-256 recorded with them when they were kept: a
   * file gone answers 'not_found', one whose bytes changed since answers 'conflict', both in Arabic.
   */
  read(db: Db, ref: FileRef, sha256: string): Promise<Buffer>;
  /** A file on this computer with the bytes of `ref` (just kept), for the print preview to open. */
  openLocally(ref: FileRef, bytes: Buffer): Promise<LocalCopy>;
  /** Where a person finds a kept file: its path in the data folder, or its name in the shared store. */
  placeOf(ref: FileRef): string;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file's path as the data folder lays it out ('attachments/12/<sha256>.png'): the same on every system. */
export function pathOf(ref: FileRef): string {
  const parts = ref.name.split(/[\\/]/);
  // Names come from the store's own rows; one that could climb out of its shelf is a bug, not data.
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`not a kept file's name: ${JSON.stringify(ref.name)}`);
  return [ref.shelf, ...parts].join('/');
}

/** The row's stored_name of a scan (its request's folder and its SHA-256, see requests/attachment-store.ts). */
export function refOf(shelf: FileShelf, storedName: string): FileRef {
  return { shelf, name: storedName.split(/[\\/]/).join('/') };
}

export const fileMissing = () => new AppError('not_found', ar.files.missing);
export const fileChanged = () => new AppError('conflict', ar.files.changed);

/** The bytes read back, refused unless they are the ones kept. */
export function checkedBytes(bytes: Buffer, sha256: string): Buffer {
  if (sha256Of(bytes) !== sha256) throw fileChanged();
  return bytes;
}
