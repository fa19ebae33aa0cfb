import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_FILE_NAME } from '../store/store-file';

/**
 * What of the data folder is the association's data, and so goes into a backup and comes back on
 * a restore: the database and the folders of files beside it — scans (attachments/), the reference
 * shelf's PDFs (reference/), the printed copies the Electron shell keeps (printed/). The letterhead
 * and logo are settings rows, inside the database.
 *
 * Named, not "everything else": the Electron shell's userData is this same folder, and Chromium keeps
 * its live state there (cookies, caches, locks). Copying that would bloat every backup; putting it
 * back under a running shell would corrupt it. The loopback shell's address file and browser profile
 * belong to the running shell too, and backups/ and the folders a restore keeps aside are backups.
 */
export const DATA_FOLDERS = ['attachments', 'reference', 'printed'] as const;

/** The default backup folder, inside the data folder (the administrator may choose another disk). */
export const DEFAULT_BACKUP_FOLDER = 'backups';

/** Where a restore keeps what the data folder held before, one folder per restore named by its time. */
export const BEFORE_RESTORE_FOLDER = 'before-restore';

/** The live store's companions: never copied (a snapshot is taken instead), moved aside with it on a restore. */
export const STORE_COMPANIONS = [`${STORE_FILE_NAME}-wal`, `${STORE_FILE_NAME}-shm`, `${STORE_FILE_NAME}-journal`];

export interface DataFile {
  /** Relative to the data folder, with forward slashes (as in the archive). */
  path: string;
  absolute: string;
  size: number;
  mtime: Date;
}

/**
 * Every regular file under the data folders, sorted. Files being written (`*.part`: the stores write
 * under a temporary name, then rename) are not data yet; links are never followed.
 */
export function listDataFiles(dataDir: string): DataFile[] {
  const files: DataFile[] = [];
  const visit = (relative: string) => {
    const absolute = join(dataDir, ...relative.split('/'));
    let info;
    try {
      info = lstatSync(absolute);
    } catch {
      return; // removed meanwhile
    }
    if (info.isDirectory()) {
      for (const name of readdirSync(absolute).sort()) visit(`${relative}/${name}`);
    } else if (info.isFile() && !relative.endsWith('.part')) {
      files.push({ path: relative, absolute, size: info.size, mtime: info.mtime });
    }
  };
  for (const folder of DATA_FOLDERS) visit(folder);
  return files;
}
