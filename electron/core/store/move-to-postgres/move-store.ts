import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { listDataFiles, type DataFile } from '../../backup/data-folder';
import { sha256Of } from '../files/file-store';
import { CHANGES_CHANNEL } from '../store';
import { STORE_FILE_NAME } from '../store-file';
import { beginMove, connectTarget, continueSequences, MOVE_LOCK_WAIT_MS, parentsFirst, prepareTarget, quote, waitingAtMost } from './postgres-target';
import { RowChecksum } from './row-checksum';
import { openSqliteSource, type SourceMode, type SourceTable, type SqliteSource } from './sqlite-source';

export type MovePhase = 'check' | 'schema' | 'tables' | 'files' | 'verify';

export interface MoveProgress {
  phase: MovePhase;
  /** The table being copied or checked (null outside the tables). */
  table: string | null;
  /** Rows (or files) of that table (or of the files) done so far, out of total. */
  done: number;
  total: number;
  /** Of the whole move, 0 to 1. */
  fraction: number;
}

/** Who moved the store, as the moved store's audit trail records it. */
export type MovedBy = { userId: number; username: string; fullName: string } | { command: true; osUser: string };

export interface MoveOptions {
  /** The data folder of the SQLite store to move (its istiqbal.sqlite3 and its files). */
  dataDir: string;
  /** postgres://…: an empty database. */
  url: string;
  mode: SourceMode;
  by: MovedBy;
  nativeBinding?: string;
  now?: () => Date;
  /** Told after every batch; the move waits for what it returns. */
  onProgress?: (progress: MoveProgress) => void | Promise<void>;
  /** How long its set-up waits for a lock held on the target (MOVE_LOCK_WAIT_MS unless a test says). */
  lockWaitMs?: number;
}

export interface MovedTable {
  name: string;
  rows: number;
  /** The checksum found the same on both sides (row-checksum.ts). */
  sha256: string;
}

export interface MovedStore {
  tables: MovedTable[];
  rows: number;
  files: number;
  bytes: number;
}

/** Rows per INSERT, and at most this many values in one (PostgreSQL takes 65,535 parameters). */
const BATCH_ROWS = 1_000;
const BATCH_VALUES = 30_000;
/** A file counts for the progress as a row per this many bytes. */
const BYTES_PER_UNIT = 64 * 1024;

/**
 * Moves a SQLite store — every table, its search helpers (the normalised names and their ranks are
 * columns), its audit trail — and its files (scans, reference PDFs, printed copies) into an empty
 * PostgreSQL database, and checks what arrived before it is kept:
 *
 * 1. the database is checked to be empty (refused in Arabic otherwise) and given this program's tables
 *    by its own migrations;
 * 2. one transaction, under the desks' writers' lock, copies the rows table by table in primary key
 *    order (parents first) in batches, with the database's own triggers off (the audit trail's
 *    append-only guard, the last-visit ranks — the rows bring their values), then every file of the
 *    data folder, each content once by its SHA-256; the identity sequences continue from the highest
 *    id, the revision from the store's;
 * 3. still inside it, every table is read back: the same rows (count) and the same checksum, computed
 *    the same way on both sides; every file's SHA-256 recomputed by the server equals the file's, and
 *    every file a row names is there with the SHA-256 the row recorded;
 * 4. the move is recorded in the moved store's audit trail, and only then committed.
 *
 * Restartable rather than resumable: anything that stops the move before the commit (an error, a
 * check that fails, the process killed, the server gone) leaves the database with this program's
 * tables and no rows — the server rolls the transaction back — and running it again starts over from
 * the beginning. The store moved is only read (sqlite-source.ts).
 */
export async function moveStoreToPostgres(options: MoveOptions): Promise<MovedStore> {
  const now = options.now ?? (() => new Date());
  const notify = options.onProgress ?? (() => undefined);
  await notify({ phase: 'check', table: null, done: 0, total: 1, fraction: 0 });
  const source = openSqliteSource(join(options.dataDir, STORE_FILE_NAME), options.mode, options.nativeBinding);
  let client: pg.Client | null = null;
  try {
    client = await connectTarget(options.url);
    await notify({ phase: 'schema', table: null, done: 0, total: 1, fraction: 0 });
    await prepareTarget(client, options.url, source.tables.map((t) => t.name));
    const files = listDataFiles(options.dataDir);
    const progress = new Progress(source.tables, files, notify);

    const lockWaitMs = options.lockWaitMs ?? MOVE_LOCK_WAIT_MS;
    await beginMove(client, lockWaitMs);
    try {
      const moved = await copyAndCheck(client, source, files, progress, lockWaitMs);
      // Another process's write into an open store meanwhile is found here, before anything is kept.
      source.finish();
      await recordMove(client, options, moved, now());
      await client.query('COMMIT');
      return moved;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    source.close();
    await client?.end().catch(() => undefined);
  }
}

async function copyAndCheck(client: pg.Client, source: SqliteSource, files: DataFile[], progress: Progress, lockWaitMs: number): Promise<MovedStore> {
  const byName = new Map(source.tables.map((t) => [t.name, t]));
  const order = (await parentsFirst(client, [...byName.keys()])).map((name) => byName.get(name)!);
  // What the target's migrations seeded (desks, settings, the catalogue) gives way to the store's own.
  // The audit trail is empty already (beginMove checked it).
  await waitingAtMost(client, lockWaitMs, async () => {
    for (const table of [...order].reverse()) if (table.name !== 'audit') await client.query(`DELETE FROM ${quote(table.name)}`);
    for (const table of order) await client.query(`ALTER TABLE ${quote(table.name)} DISABLE TRIGGER USER`);
  });

  const copied = new Map<string, string>();
  for (const table of order) copied.set(table.name, await copyTable(client, source, table, progress));
  const fileHashes = await copyFiles(client, files, progress);
  const problems = [...source.recordedFiles].filter(([path, sha256]) => fileHashes.get(path) !== sha256).map(([path]) => path);
  if (problems.length > 0) {
    throw new AppError('validation', fill(ar.storeMove.filesDamaged, { count: problems.length, names: problems.slice(0, 5).join('، ') }));
  }
  await continueSequences(client, [...byName.keys()]);
  await client.query('UPDATE store_revision SET revision = $1 WHERE id = 1', [source.revision]);
  for (const table of order) await client.query(`ALTER TABLE ${quote(table.name)} ENABLE TRIGGER USER`);

  const tables: MovedTable[] = [];
  for (const table of order) {
    const found = await checksumOfTarget(client, table, progress);
    if (found.rows !== table.rows || found.sha256 !== copied.get(table.name)) {
      throw new AppError('conflict', fill(ar.storeMove.verifyFailed, { table: tableLabel(table.name) }));
    }
    tables.push({ name: table.name, rows: found.rows, sha256: found.sha256 });
  }
  await checkFiles(client, fileHashes, progress);
  return { tables, rows: tables.reduce((n, t) => n + t.rows, 0), files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) };
}

/** Copies a table's rows in batches; returns the checksum of the rows as read from the store. */
async function copyTable(client: pg.Client, source: SqliteSource, table: SourceTable, progress: Progress): Promise<string> {
  const checksum = new RowChecksum();
  const perBatch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(BATCH_VALUES / table.columns.length)));
  const columns = table.columns.map(quote).join(', ');
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const width = table.columns.length;
    const values = batch.map((_, r) => `(${table.columns.map((_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${quote(table.name)} (${columns}) VALUES ${values}`, batch.flat());
    await progress.rows('tables', table, batch.length);
    batch = [];
  };
  await progress.rows('tables', table, 0);
  for (const row of source.rows(table)) {
    checksum.add(row);
    batch.push(row);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  if (checksum.rows !== table.rows) throw new Error(`${table.name}: ${checksum.rows} rows read, ${table.rows} counted`);
  return checksum.digest();
}

/** Every file of the data folder into the store, each content once; returns each file's SHA-256 by its path. */
async function copyFiles(client: pg.Client, files: DataFile[], progress: Progress): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  await progress.files(0, 0);
  for (const [i, file] of files.entries()) {
    const bytes = await readFile(file.absolute);
    const sha256 = sha256Of(bytes);
    hashes.set(file.path, sha256);
    await client.query('INSERT INTO file_contents (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [sha256, bytes.length, bytes]);
    await client.query('INSERT INTO stored_files (path, sha256, stored_at) VALUES ($1, $2, $3)', [file.path, sha256, file.mtime.toISOString()]);
    await progress.files(i + 1, file.size);
  }
  return hashes;
}

/** A table read back in primary key order, a batch at a time: its row count and checksum. */
async function checksumOfTarget(client: pg.Client, table: SourceTable, progress: Progress): Promise<{ rows: number; sha256: string }> {
  const checksum = new RowChecksum();
  const columns = table.columns.map(quote).join(', ');
  const key = table.primaryKey.map(quote);
  const keyAt = table.primaryKey.map((k) => table.columns.indexOf(k));
  let last: unknown[] | null = null;
  await progress.rows('verify', table, 0);
  for (;;) {
    const after = last ? `WHERE (${key.join(', ')}) > (${key.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    const { rows } = await client.query<unknown[]>({
      text: `SELECT ${columns} FROM ${quote(table.name)} ${after} ORDER BY ${key.join(', ')} LIMIT ${BATCH_ROWS}`,
      values: last ?? [],
      rowMode: 'array',
    });
    if (rows.length === 0) break;
    for (const row of rows) checksum.add(row);
    const end: unknown[] = rows[rows.length - 1]!;
    last = keyAt.map((i) => end[i]);
    await progress.rows('verify', table, rows.length);
  }
  return { rows: checksum.rows, sha256: checksum.digest() };
}

/** The server's own SHA-256 of every content equals the file's, and every file is there under its path. */
async function checkFiles(client: pg.Client, hashes: Map<string, string>, progress: Progress): Promise<void> {
  const { rows } = await client.query<{ path: string; sha256: string; actual: string }>(
    `SELECT f.path, f.sha256, encode(sha256(c.content), 'hex') AS actual FROM stored_files f JOIN file_contents c ON c.sha256 = f.sha256`,
  );
  const found = new Map(rows.map((r) => [r.path, r]));
  for (const [path, sha256] of hashes) {
    const row = found.get(path);
    if (!row || row.sha256 !== sha256 || row.actual !== sha256) throw new AppError('conflict', fill(ar.storeMove.verifyFailed, { table: path }));
  }
  if (found.size !== hashes.size) throw new AppError('conflict', fill(ar.storeMove.verifyFailed, { table: ar.storeMove.filesLabel }));
  await progress.filesChecked();
}

/**
 * The move in the moved store's own audit trail, in the same transaction, after every check: who, from
 * which folder, what arrived. The revision continues from it and the desks already listening hear of it.
 */
async function recordMove(client: pg.Client, options: MoveOptions, moved: MovedStore, at: Date): Promise<void> {
  const after = JSON.stringify({ from: options.dataDir, tables: moved.tables.length, rows: moved.rows, files: moved.files, by: options.by });
  const userId = 'userId' in options.by ? options.by.userId : null;
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO audit (at, user_id, operation, kind, entity, entity_id, before, after) VALUES ($1, $2, 'store.migrateTo', 'change', 'store', NULL, NULL, $3) RETURNING id`,
    [at.toISOString(), userId, after],
  );
  // Users and settings arrived: a desk opened on the empty database meanwhile reads them again (Store.changeMark).
  await client.query('UPDATE store_revision SET revision = $1, writes = writes + 1, facts = facts + 1 WHERE id = 1', [rows[0]!.id]);
  await client.query(`SELECT pg_notify('${CHANGES_CHANNEL}', $1)`, [String(rows[0]!.id)]);
}

/** A table's name as the settings screen shows it. */
export function tableLabel(name: string): string {
  return (ar.storeMove.tables as Record<string, string>)[name] ?? name;
}

/** The whole move's share done: each row copied and read back, each file's bytes copied and checked. */
class Progress {
  private done = 0;
  private readonly total: number;
  private readonly perTable = new Map<string, number>();
  private filesDone = 0;
  private readonly filesTotal: number;
  private readonly fileUnits: number;

  constructor(
    tables: SourceTable[],
    files: DataFile[],
    private readonly notify: (p: MoveProgress) => void | Promise<void>,
  ) {
    this.filesTotal = files.length;
    this.fileUnits = files.reduce((n, f) => n + 1 + Math.floor(f.size / BYTES_PER_UNIT), 0);
    this.total = Math.max(1, 2 * (tables.reduce((n, t) => n + t.rows, 0) + this.fileUnits));
  }

  async rows(phase: 'tables' | 'verify', table: SourceTable, count: number): Promise<void> {
    const key = `${phase}:${table.name}`;
    const done = (this.perTable.get(key) ?? 0) + count;
    this.perTable.set(key, done);
    this.done += count;
    await this.notify({ phase, table: table.name, done, total: table.rows, fraction: this.fraction() });
  }

  async files(done: number, size: number): Promise<void> {
    if (done > 0) this.done += 1 + Math.floor(size / BYTES_PER_UNIT);
    this.filesDone = done;
    await this.notify({ phase: 'files', table: null, done, total: this.filesTotal, fraction: this.fraction() });
  }

  async filesChecked(): Promise<void> {
    this.done += this.fileUnits;
    await this.notify({ phase: 'verify', table: null, done: this.filesDone, total: this.filesTotal, fraction: this.fraction() });
  }

  private fraction(): number {
    return Math.min(1, this.done / this.total);
  }
}
