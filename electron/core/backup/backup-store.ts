import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { STORE_FILE_NAME } from '../core';

/**
 * A consistent copy of the store while desks keep working, through SQLite's online backup API
 * (copying the file by hand can catch it between a write and its WAL checkpoint). Returns the copy's path.
 */
export async function backupStore(dataDir: string, outFile?: string, now = new Date()): Promise<string> {
  const source = join(dataDir, STORE_FILE_NAME);
  if (!existsSync(source)) throw new Error(`no store at ${source}`);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = outFile ?? join(dataDir, 'backups', `istiqbal-${stamp}.sqlite3`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(target, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return target;
}
