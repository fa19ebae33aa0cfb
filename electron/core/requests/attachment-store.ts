import { join } from 'node:path';
import { refOf, type FileStore } from '../store/files/file-store';
import type { Db } from '../store/store';
import type { CheckedFile } from '../uploads/inspect-upload';

export interface StoredFile {
  storedName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * Scans are kept by the store's file store (in the data folder on SQLite, in the database on
 * PostgreSQL), never in a row of their own table, named by their SHA-256 so the same scan twice is
 * kept once. What arrives here was opened as what it is (uploads/). `db`: the attaching transaction.
 */
export async function storeAttachment(files: FileStore, db: Db, requestId: number, file: CheckedFile): Promise<StoredFile> {
  const storedName = join(String(requestId), `${file.sha256}.${file.kind.ext}`);
  await files.put(db, refOf('attachments', storedName), file.bytes);
  return { storedName, mimeType: file.kind.mime, size: file.bytes.length, sha256: file.sha256 };
}

/** The scan's bytes, checked against the SHA-256 its row recorded (an Arabic error when gone or changed). */
export function readAttachment(files: FileStore, db: Db, row: { stored_name: string; sha256: string }): Promise<Buffer> {
  return files.read(db, refOf('attachments', row.stored_name), row.sha256);
}
