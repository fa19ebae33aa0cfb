import { databaseFiles } from '../postgres/database-files';
import { dataFolderFiles } from '../sqlite/data-folder-files';
import type { StoreKind } from '../store';
import type { FileStore } from './file-store';

/** The file store that goes with a store of this kind (FileStore). */
export function openFileStore(kind: StoreKind, dataDir: string): FileStore {
  return kind === 'postgres' ? databaseFiles() : dataFolderFiles(dataDir);
}
