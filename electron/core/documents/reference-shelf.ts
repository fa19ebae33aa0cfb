import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceShelfItem } from '../../../shared/contract/documents';
import { writePrivateFile } from '../private-files';
import type { CheckedFile } from '../uploads/inspect-upload';

/** The reference shelf's PDFs live in the data folder (replaced by the administrator), never in the database. */
export function referenceDir(dataDir: string): string {
  return join(dataDir, 'reference');
}

/** Stores an administrator's PDF for a shelf item, already opened as a PDF (uploads/). */
export function storeReferencePdf(dataDir: string, shelf: ReferenceShelfItem, file: CheckedFile): { storedName: string; sha256: string } {
  const storedName = `${shelf}-${file.sha256.slice(0, 16)}.pdf`;
  const target = join(referenceDir(dataDir), storedName);
  if (!existsSync(target)) writePrivateFile(target, file.bytes);
  return { storedName, sha256: file.sha256 };
}

export function readReferencePdf(dataDir: string, storedName: string): Buffer {
  return readFileSync(join(referenceDir(dataDir), storedName));
}
