/**
 * The ten-year store on PostgreSQL: the very rows of the cached SQLite bench store (bench/data.ts),
 * copied into a database the real migrations made, so both columns of the table time the same data.
 * Made once per cache key and kept on the server as a database of its own; each run works on a copy
 * (CREATE DATABASE … TEMPLATE, a file copy), so check-ins never touch the cache.
 */
import { CONTINUE_SEARCH_RANK } from '../../electron/core/store/postgres/migrations/0021-search-rank-sequence';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../../electron/core/store/postgres/open-postgres-store';
import { STORE_FILE_NAME } from '../../electron/core/store/store-file';
import type { StoreMeta } from '../data';
import { adminRun, onDatabase } from './server';

/** Raise when the copy changes; a change to the PostgreSQL migrations or to the SQLite store makes a new key by itself. */
const BENCH_PG_VERSION = 1;
const ROWS_PER_BATCH = 20_000;
/** The store's own bookkeeping, made by its migrations and not copied. */
const NOT_COPIED = new Set(['kysely_migration', 'kysely_migration_lock', 'store_revision', 'desk_revisions']);

function cacheName(meta: StoreMeta): string {
  const h = createHash('sha256').update(`v${BENCH_PG_VERSION}:${meta.key}`);
  const dir = resolve(__dirname, '../../electron/core/store/postgres/migrations');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return `istiqbal_bench_${h.digest('hex').slice(0, 12)}`;
}

/** The run's own copy of the cached database (made first when missing): its URL. */
export async function postgresRunCopy(adminUrl: string, sqliteDir: string, meta: StoreMeta, log: (line: string) => void): Promise<{ url: string; cache: string; loadSeconds: number | null }> {
  const cache = cacheName(meta);
  let loadSeconds: number | null = null;
  const done = await adminRun(adminUrl, `SELECT 1 FROM pg_database WHERE datname = '${cache}' AND shobj_description(oid, 'pg_database') = 'complete'`);
  if (done.rowCount === 0) {
    const started = Date.now();
    await loadCache(adminUrl, cache, sqliteDir, log);
    loadSeconds = Math.round((Date.now() - started) / 100) / 10;
  } else {
    log(`  postgres: cached database ${cache}`);
  }
  const run = 'istiqbal_bench_run';
  await adminRun(adminUrl, `DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
  const t0 = Date.now();
  await adminRun(adminUrl, `CREATE DATABASE ${run} TEMPLATE ${cache} STRATEGY FILE_COPY`);
  log(`  postgres: run copy ${run} made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { url: onDatabase(adminUrl, run), cache, loadSeconds };
}

async function loadCache(adminUrl: string, cache: string, sqliteDir: string, log: (line: string) => void): Promise<void> {
  const partial = `${cache}_partial`;
  // Older caches (another schema or store) go: each is a few GB.
  const old = await adminRun(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE 'istiqbal\\_bench\\_%' AND datname <> '${cache}'`);
  for (const { datname } of old.rows as { datname: string }[]) await adminRun(adminUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await adminRun(adminUrl, `CREATE DATABASE ${partial}`);
  const url = onDatabase(adminUrl, partial);
  // The schema from the real migrations.
  await (await openPostgresStore({ url, poolSize: 1 })).close();

  const sqlite = new BetterSqlite3(join(sqliteDir, STORE_FILE_NAME), { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    // Triggers (the last visit kept by visits' trigger, the audit trail's guards) and foreign-key checks
    // are the server's replica mode's to skip: the rows come whole and consistent from the SQLite store.
    await client.query(`SET session_replication_role = replica`);
    const tables = (
      await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows
      .map((r) => r.name)
      .filter((t) => !NOT_COPIED.has(t));
    await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
    // Secondary indexes are built once after the rows are in, not row by row (those that back a constraint stay).
    const indexes = (
      await client.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
        [tables],
      )
    ).rows;
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);

    for (const table of tables) {
      const sqliteColumns = new Set((sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
      if (sqliteColumns.size === 0) continue; // a table the SQLite store has not (none today)
      const columns = (
        await client.query<{ name: string; type: string }>(
          `SELECT column_name AS name, udt_name AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows.filter((c) => sqliteColumns.has(c.name));
      const total = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      const t0 = Date.now();
      const insert = `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')})
        SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`;
      // A WITHOUT ROWID table (the anonymous ratings, keyed at random) has no rowid: its key is its order.
      const withoutRowid = (sqlite.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get(table) as { wr: number } | undefined)?.wr === 1;
      const order = withoutRowid ? '' : ' ORDER BY rowid';
      const read = sqlite.prepare(`SELECT ${columns.map((c) => `"${c.name}"`).join(', ')} FROM "${table}"${order}`).raw(true);
      const convert = columns.map((c) => (c.type === 'bool' ? (v: unknown) => (v === null ? null : v === 1 || v === true) : (v: unknown) => v));
      let batch: unknown[][] = columns.map(() => []);
      let rows = 0;
      let pending: Promise<unknown> = Promise.resolve();
      const flush = async () => {
        const values = batch;
        batch = columns.map(() => []);
        await pending;
        pending = client.query(insert, values);
      };
      for (const row of read.iterate() as Iterable<unknown[]>) {
        for (let i = 0; i < columns.length; i++) batch[i]!.push(convert[i]!(row[i]));
        if (++rows % ROWS_PER_BATCH === 0) {
          await flush();
          if (rows % (ROWS_PER_BATCH * 25) === 0) log(`  postgres: ${table} ${rows.toLocaleString('en')} / ${total.toLocaleString('en')}`);
        }
      }
      if (batch[0]!.length > 0) await flush();
      await pending;
      // Identity columns continue after the ids copied (a random text key, as the anonymous ratings have, has no sequence).
      if (columns.some((c) => c.name === 'id' && (c.type === 'int4' || c.type === 'int8'))) {
        await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`);
      }
      if (table === 'beneficiaries') await client.query(CONTINUE_SEARCH_RANK);
      if (total > 10_000) log(`  postgres: ${table} ${total.toLocaleString('en')} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const t1 = Date.now();
    for (const index of indexes) await client.query(index.def);
    log(`  postgres: ${indexes.length} indexes built in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    const t2 = Date.now();
    await client.query('VACUUM (ANALYZE, FREEZE)');
    log(`  postgres: vacuum and analyze in ${((Date.now() - t2) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
    sqlite.close();
  }
  await adminRun(adminUrl, `ALTER DATABASE ${partial} RENAME TO ${cache}`);
  await adminRun(adminUrl, `COMMENT ON DATABASE ${cache} IS 'complete'`);
}
