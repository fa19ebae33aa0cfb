import type { ReferenceShelfItem } from '@shared/contract/printing';
import type { FileStore } from '../store/files/file-store';
import type { Db } from '../store/store';
import type { CheckedFile } from '../uploads/inspect-upload';

/**
 * The reference shelf's PDFs (replaced by the administrator) are kept by the store's file store: in
 * the data folder's reference/ on SQLite, in the database on PostgreSQL. `db`: the replacing transaction.
 */
export async function storeReferencePdf(files: FileStore, db: Db, shelf: ReferenceShelfItem, file: CheckedFile): Promise<{ storedName: string; sha256: string }> {
  const storedName = `${shelf}-${file.sha256.slice(0, 16)}.pdf`;
  await files.put(db, { shelf: 'reference', name: storedName }, file.bytes);
  return { storedName, sha256: file.sha256 };
}

/** The PDF's bytes, checked against the SHA-256 its row recorded (an Arabic error when gone or changed). */
export function readReferencePdf(files: FileStore, db: Db, row: { stored_name: string; sha256: string }): Promise<Buffer> {
  return files.read(db, { shelf: 'reference', name: row.stored_name }, row.sha256);
}
