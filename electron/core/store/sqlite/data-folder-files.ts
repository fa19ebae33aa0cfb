import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writePrivateFile } from '../../private-files';
import { checkedBytes, fileMissing, pathOf, sha256Of, type FileRef, type FileStore } from '../files/file-store';

/**
 * The SQLite store's files: plain files in the data folder (attachments/, reference/, printed/),
 * user-only like the store, written under a temporary name and renamed. The backups archive them
 * with the database (backup/data-folder.ts), so they stay there.
 */
export function dataFolderFiles(dataDir: string): FileStore {
  const fileOf = (ref: FileRef) => join(dataDir, ...pathOf(ref).split('/'));
  return {
    async put(_db, ref, bytes) {
      const sha256 = sha256Of(bytes);
      const file = fileOf(ref);
      // Written unless these very bytes are there already (a damaged copy is replaced by a good one).
      if (!existsSync(file) || sha256Of(readFileSync(file)) !== sha256) writePrivateFile(file, bytes);
      return sha256;
    },
    async read(_db, ref, sha256) {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(ref));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw fileMissing();
        throw error;
      }
      return checkedBytes(bytes, sha256);
    },
    async openLocally(ref) {
      return { file: fileOf(ref), release: async () => undefined };
    },
    placeOf: fileOf,
  };
}
