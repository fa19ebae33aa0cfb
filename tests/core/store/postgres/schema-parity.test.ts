import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableMetadata } from 'kysely';
import { createCore, type Core } from '../../../../electron/core/core';
import { postgresMigrations } from '../../../../electron/core/store/postgres/migrations';
import { asSqliteStore } from '../../../../electron/core/store/sqlite/open-sqlite-store';
import { sqliteMigrations } from '../../../../electron/core/store/sqlite/migrations';
import { makeTempDir, openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * Both stores hold the same tables with the same columns, so every operation reads and writes the same
 * rows on either: a migration added to one store and not the other fails here, naming what is missing.
 * Each engine's own machinery is left out: Kysely's migration tables, SQLite's FTS5 name index, and
 * PostgreSQL's revision counter and the files it keeps inside (on SQLite they are files in the data folder).
 */
const MACHINERY = /^(kysely_migration|kysely_migration_lock|sqlite_.*|beneficiaries_fts.*|store_revision|desk_revisions|file_contents|stored_files)$/;

let postgres: TestCore;
let sqlite: Core;
let dir: string;

beforeAll(async () => {
  postgres = await openTestCore();
  dir = makeTempDir('istiqbal-parity-');
  sqlite = await createCore({ dataDir: dir, store: { kind: 'sqlite' } });
});
afterAll(async () => {
  await sqlite.close();
  await postgres.cleanup();
  const { rmSync } = await import('node:fs');
  rmSync(dir, { recursive: true, force: true });
});

/**
 * table → its columns, each with whether it may be null. A primary key's columns count as not null on
 * both (SQLite lets a TEXT PRIMARY KEY hold NULL unless told otherwise; nothing here ever writes one).
 */
async function shape(core: Core): Promise<Record<string, Record<string, string>>> {
  const tables: TableMetadata[] = await core.store.db.introspection.getTables();
  const primaryKey = (table: string, column: string) =>
    core.store.kind === 'sqlite' &&
    (asSqliteStore(core.store).raw.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string; pk: number }[]).some((c) => c.name === column && c.pk > 0);
  return Object.fromEntries(
    tables
      .filter((t) => !t.isView && !MACHINERY.test(t.name))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => [
        t.name,
        Object.fromEntries(t.columns.map((c) => [c.name, c.isNullable && !c.isAutoIncrementing && !primaryKey(t.name, c.name) ? 'null' : 'not null']).sort()),
      ]),
  );
}

describe('schema parity of the SQLite and PostgreSQL stores', () => {
  it('the same migrations, by name and in order', () => {
    expect(Object.keys(postgresMigrations)).toEqual(Object.keys(sqliteMigrations));
  });

  it('the same tables, the same columns, the same columns that may be empty', async () => {
    const [onSqlite, onPostgres] = await Promise.all([shape(sqlite), shape(postgres)]);
    expect(Object.keys(onSqlite).length).toBeGreaterThan(15);
    expect(onPostgres).toEqual(onSqlite);
  });

  it('the same seeded desks, settings and catalogue', async () => {
    const seeded = async (core: Core) => ({
      desks: await core.store.db.selectFrom('desks').select(['id', 'name', 'ticket_prefix']).orderBy('id').execute(),
      settings: await core.store.db.selectFrom('settings').selectAll().orderBy('key').execute(),
      documents: await core.store.db.selectFrom('document_types').select(['id', 'code', 'name', 'has_expiry', 'active']).orderBy('id').execute(),
      services: await core.store.db.selectFrom('service_types').select(['id', 'code', 'name', 'active']).orderBy('id').execute(),
      required: await core.store.db.selectFrom('service_required_documents').selectAll().orderBy('service_type_id').orderBy('document_type_id').execute(),
      declaration: await core.store.db.selectFrom('declaration_versions').select(['version', 'text']).execute(),
    });
    expect(await seeded(postgres)).toEqual(await seeded(sqlite));
  });
});
