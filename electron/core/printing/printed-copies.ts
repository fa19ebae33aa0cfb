import type { Core } from '../core';
import type { FileRef, LocalCopy } from '../store/files/file-store';

export interface PrintedCopy {
  /** Where the copy is kept, for the person who printed it: a path in the data folder, or a name in the shared store. */
  savedTo: string;
  /** A file the print preview opens (on PostgreSQL a private temporary copy): release() when the preview closes. */
  local: LocalCopy;
}

/**
 * The Electron shell keeps a copy of every document it prints before the printer is asked, so a
 * printer that fails loses nothing: under printed/ in the data folder on SQLite, in the database on
 * PostgreSQL (the hall's desks and one pg_dump see it). `name` is already a plain file name.
 */
export async function keepPrintedCopy(core: Pick<Core, 'store' | 'files'>, name: string, bytes: Buffer): Promise<PrintedCopy> {
  const ref: FileRef = { shelf: 'printed', name };
  await core.store.write((trx) => core.files.put(trx, ref, bytes));
  return { savedTo: core.files.placeOf(ref), local: await core.files.openLocally(ref, bytes) };
}
