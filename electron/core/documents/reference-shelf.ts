import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceShelfItem } from '../../../shared/contract/documents';
import { AppError } from '../../../shared/errors';
import { ar } from '../../../shared/labels/ar';
import { writePrivateFile } from '../private-files';

/** The reference shelf's PDFs live in the data folder (replaced by the administrator), never in the database. */
export function referenceDir(dataDir: string): string {
  return join(dataDir, 'reference');
}

const PDF_MAGIC = Buffer.from('%PDF-');

/** Stores an administrator's PDF for a shelf item; refuses anything that is not a PDF by its bytes. */
export function storeReferencePdf(dataDir: string, shelf: ReferenceShelfItem, pdfBase64: string): { storedName: string; sha256: string } {
  const bytes = Buffer.from(pdfBase64, 'base64');
  if (bytes.length < PDF_MAGIC.length || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw new AppError('validation', ar.messages.referenceNotPdf, [{ path: ['pdfBase64'], message: ar.messages.referenceNotPdf }]);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storedName = `${shelf}-${sha256.slice(0, 16)}.pdf`;
  const target = join(referenceDir(dataDir), storedName);
  if (!existsSync(target)) writePrivateFile(target, bytes);
  return { storedName, sha256 };
}

export function readReferencePdf(dataDir: string, storedName: string): Buffer {
  return readFileSync(join(referenceDir(dataDir), storedName));
}
