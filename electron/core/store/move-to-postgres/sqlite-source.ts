import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { sqliteMigrations } from '../sqlite/migrations';

export interface SourceTable {
  name: string;
  /** In the table's order. */
  columns: string[];
  primaryKey: string[];
  rows: number;
}

/**
 * How the store to move is read:
 * - 'closed' (npm run store:migrate): no process may have it open — refused otherwise, as a restore
 *   is (SQLite itself answers: leaving WAL mode needs the only connection) — and it is held still for
 *   the move (one read transaction in rollback mode: no other process can write until it ends). Its
 *   journal mode is put back as it was found.
 * - 'open' (the settings screen): the running desk's own store, read from one snapshot (a read
 *   transaction on a read-only connection of its own) while the desk's own writes are paused by the
 *   caller; a write by another process meanwhile is found at the end (finish) and fails the move.
 */
export type SourceMode = 'closed' | 'open';

export interface SqliteSource {
  readonly tables: SourceTable[];
  /** The SQLite store's revision: its newest change's audit id (PostgreSQL's counter continues from it). */
  readonly revision: number;
  /** The files its rows name (scans, reference PDFs), by path in the data folder, with the SHA-256 recorded. */
  readonly recordedFiles: ReadonlyMap<string, string>;
  /** The rows of a table in primary key order, each as its values in `columns` order. */
  rows(table: SourceTable): IterableIterator<unknown[]>;
  /** Ends the read. Throws (changedMeanwhile) when another process wrote into the store during it. */
  finish(): void;
  close(): void;
}

/** Kysely's bookkeeping and SQLite's own tables are not the association's data (PostgreSQL has its own). */
const NOT_DATA = /^(sqlite_.*|kysely_migration|kysely_migration_lock)$/;

export function openSqliteSource(file: string, mode: SourceMode, nativeBinding?: string): SqliteSource {
  if (!existsSync(file)) throw new AppError('validation', ar.storeMove.noStore);
  const native = nativeBinding ? { nativeBinding } : {};
  let db: BetterSqlite3.Database;
  let journal: string | null = null;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true, readonly: mode === 'open', ...native });
  } catch {
    throw new AppError('validation', ar.storeMove.noStore);
  }
  try {
    if (mode === 'closed') {
      db.pragma('busy_timeout = 2000');
      journal = String(db.pragma('journal_mode', { simple: true }));
      if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse();
    }
    db.exec('BEGIN');
    refuseOtherVersion(db);
  } catch (error) {
    closeQuietly(db, journal);
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw inUse();
    throw error;
  }
  const dataVersion = () => Number(db.pragma('data_version', { simple: true }));
  const startedAt = dataVersion();

  const names = (db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name").pluck().all() as string[]).filter(
    (n) => !NOT_DATA.test(n),
  );
  const tables: SourceTable[] = names.map((name) => {
    const info = db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string; pk: number }[];
    const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const rows = Number(db.prepare(`SELECT count(*) FROM ${quote(name)}`).pluck().get());
    return { name, columns: info.map((c) => c.name), primaryKey: primaryKey.length > 0 ? primaryKey : info.map((c) => c.name), rows };
  });
  const revision = Number(db.prepare("SELECT coalesce(max(id), 0) FROM audit WHERE kind = 'change'").pluck().get());
  const recorded = [
    ...(db.prepare('SELECT stored_name, sha256 FROM attachments').raw(true).all() as [string, string][]).map(([name, sha256]) => ({ path: `attachments/${name.split(/[\\/]/).join('/')}`, sha256 })),
    ...(db.prepare('SELECT stored_name, sha256 FROM reference_documents').raw(true).all() as [string, string][]).map(([name, sha256]) => ({ path: `reference/${name}`, sha256 })),
  ];
  const recordedFiles = new Map(recorded.map((f) => [f.path, f.sha256]));

  return {
    tables,
    revision,
    recordedFiles,
    rows(table) {
      const columns = table.columns.map(quote).join(', ');
      // Text keys byte by byte, as PostgreSQL's COLLATE "C" orders them: both sides hash rows in one order.
      const order = table.primaryKey.map((k) => `${quote(k)} COLLATE BINARY`).join(', ');
      return db.prepare(`SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order}`).raw(true).iterate() as IterableIterator<unknown[]>;
    },
    finish() {
      if (db.inTransaction) db.exec('COMMIT');
      if (mode === 'open' && dataVersion() !== startedAt) throw new AppError('conflict', ar.storeMove.changedMeanwhile);
    },
    close() {
      closeQuietly(db, journal);
    },
  };
}

/** Only a store at this program's own migrations is moved: what PostgreSQL's migrations make is the same. */
function refuseOtherVersion(db: BetterSqlite3.Database): void {
  let applied: string[];
  try {
    applied = db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[];
  } catch {
    throw new AppError('validation', ar.storeMove.noStore);
  }
  const ours = Object.keys(sqliteMigrations);
  if (applied.length !== ours.length || applied.some((name, i) => name !== ours[i])) throw new AppError('validation', ar.storeMove.otherVersion);
}

function closeQuietly(db: BetterSqlite3.Database, journal: string | null): void {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
    // As it was found: the desks open it in WAL mode.
    if (journal && journal !== 'delete') db.pragma(`journal_mode = ${journal}`);
  } catch {
    // Another process opened it meanwhile; its own connection sets the mode it wants.
  } finally {
    db.close();
  }
}

const inUse = () => new AppError('conflict', ar.storeMove.sourceInUse);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
