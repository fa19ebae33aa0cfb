import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../private-files';
import type { CheckedFile } from '../uploads/inspect-upload';

export interface StoredFile {
  storedName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * Scans live as files in the data folder (never as blobs in the database), named by their SHA-256
 * so the same scan twice is one file. What arrives here was opened as what it is (uploads/).
 */
export function storeAttachment(dataDir: string, requestId: number, file: CheckedFile): StoredFile {
  const storedName = join(String(requestId), `${file.sha256}.${file.kind.ext}`);
  const target = join(attachmentsDir(dataDir), storedName);
  if (!existsSync(target)) writePrivateFile(target, file.bytes);
  return { storedName, mimeType: file.kind.mime, size: file.bytes.length, sha256: file.sha256 };
}

export function readAttachment(dataDir: string, storedName: string): Buffer {
  return readFileSync(join(attachmentsDir(dataDir), storedName));
}

export function attachmentsDir(dataDir: string): string {
  return join(dataDir, 'attachments');
}
