import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The data folder holds personal data (national IDs, scans of family registers): on Linux and macOS
 * every folder in it is 0700 and every file 0600, so no other local account reads it. Every writer
 * of the data folder goes through this module. The mode is given at creation and set again with
 * chmod, because creation modes pass through the process's umask and a file left by an older
 * version keeps its mode when it is written again.
 * On Windows a mode means nothing (chmod only toggles read-only): the data folder lives under the
 * user's profile, whose ACL already keeps other accounts out (README "Where data lives").
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const withModes = process.platform !== 'win32';

/** `dir` and any missing parents, each folder created here and `dir` itself user-only. */
export function makePrivateDir(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      mkdirSync(d, { mode: PRIVATE_DIR_MODE });
    } catch (error) {
      // Another desk's process made it between the check and here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    setMode(d, PRIVATE_DIR_MODE);
  }
  setMode(dir, PRIVATE_DIR_MODE);
}

/**
 * Writes `data` as `file`, user-only, in its user-only folder: under a temporary name first and then
 * renamed, so a crash never leaves half a file under the real name.
 */
export function writePrivateFile(file: string, data: string | NodeJS.ArrayBufferView): void {
  makePrivateDir(dirname(file));
  const temporary = `${file}.${process.pid}.part`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, data, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  setMode(temporary, PRIVATE_FILE_MODE);
  renameSync(temporary, file);
}

/**
 * A file someone else creates (SQLite the store), made to exist first and user-only, so what is
 * created from it takes its mode: SQLite gives the -wal and -shm files the mode of the database.
 */
export function makePrivateFile(file: string): void {
  makePrivateDir(dirname(file));
  writeFileSync(file, '', { mode: PRIVATE_FILE_MODE, flag: 'a' });
  setMode(file, PRIVATE_FILE_MODE);
}

export interface PrivateTreeResult {
  /** Folders and files whose mode was loosened and is now user-only. */
  tightened: number;
  /** Entries whose mode could not be changed (another account owns them), with the reason. */
  failed: { path: string; reason: string }[];
}

/**
 * Every folder and file under `root` (and `root`) made user-only: once at start, for a data folder
 * written before this rule or restored from a copy with loose modes. Symbolic links are left as they
 * are and never followed (chmod would change what they point at, outside the data folder).
 */
export function makePrivateTree(root: string): PrivateTreeResult {
  const result: PrivateTreeResult = { tightened: 0, failed: [] };
  if (!withModes || !existsSync(root)) return result;
  const visit = (path: string) => {
    let info;
    try {
      info = lstatSync(path);
    } catch {
      return; // removed while walking (a temporary file renamed by another desk)
    }
    if (info.isSymbolicLink()) return;
    const wanted = info.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((info.mode & 0o777) !== wanted) {
      try {
        chmodSync(path, wanted);
        result.tightened += 1;
      } catch (error) {
        result.failed.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    }
    if (!info.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (error) {
      result.failed.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      return;
    }
    for (const name of names) visit(join(path, name));
  };
  visit(root);
  return result;
}

function setMode(path: string, mode: number): void {
  if (withModes) chmodSync(path, mode);
}
