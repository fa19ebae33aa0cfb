import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contract/requests';
import { AppError } from '../../../shared/errors';
import { ar } from '../../../shared/labels/ar';
import { writePrivateFile } from '../private-files';

const KINDS: { mime: string; ext: string; magic: number[] }[] = [
  { mime: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
];

export interface StoredFile {
  storedName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * Scans live as files in the data folder (never as blobs in the database), named by their SHA-256
 * so the same scan twice is one file. The type is read from the bytes: a renamed .exe is refused.
 */
export function storeAttachment(dataDir: string, requestId: number, dataBase64: string): StoredFile {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw invalid(ar.messages.attachmentType);
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw invalid(ar.messages.attachmentTooLarge);
  const kind = KINDS.find((k) => k.magic.every((b, i) => bytes[i] === b));
  if (!kind) throw invalid(ar.messages.attachmentType);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storedName = join(String(requestId), `${sha256}.${kind.ext}`);
  const target = join(attachmentsDir(dataDir), storedName);
  if (!existsSync(target)) writePrivateFile(target, bytes);
  return { storedName, mimeType: kind.mime, size: bytes.length, sha256 };
}

export function readAttachment(dataDir: string, storedName: string): Buffer {
  return readFileSync(join(attachmentsDir(dataDir), storedName));
}

export function attachmentsDir(dataDir: string): string {
  return join(dataDir, 'attachments');
}

function invalid(message: string) {
  return new AppError('validation', message, [{ path: ['dataBase64'], message }]);
}
