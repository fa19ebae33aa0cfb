// SQLite only (vitest.config.mts, SQLITE_ONLY): SQLite's migrations on an empty file (its pragmas, its own transaction); PostgreSQL's are held to the same schema by postgres/schema-parity.test.ts.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqliteStore } from '../../../electron/core/store/sqlite/open-sqlite-store';
import { sqliteMigrations } from '../../../electron/core/store/sqlite/migrations';
import { makeTempDir } from '../../helpers/test-core';

const TABLES = ['users', 'desks', 'settings', 'beneficiaries', 'beneficiaries_fts', 'visits', 'visit_events', 'audit'];

const dirs: string[] = [];
function freshFile(): string {
  const dir = makeTempDir('istiqbal-migrate-');
  dirs.push(dir);
  return join(dir, 'store.sqlite3');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function schemaOf(raw: BetterSqlite3.Database): { name: string; sql: string }[] {
  return raw.prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").all() as { name: string; sql: string }[];
}

describe('migrations from an empty file', () => {
  it('create every table, with foreign keys on and the WAL journal', async () => {
    const store = await openSqliteStore({ file: freshFile() });
    try {
      const names = (store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      for (const t of TABLES) expect(names, `table ${t}`).toContain(t);
      expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      // Foreign keys are enforced, not only declared: a visit event for a visit that does not exist is refused.
      expect(() =>
        store.raw.prepare("INSERT INTO visit_events (visit_id, at, user_id, action, to_state) VALUES (999, 'x', 999, 'call', 'serving')").run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      await store.close();
    }
  });

  it('record one kysely_migration row per listed migration, in order', async () => {
    const store = await openSqliteStore({ file: freshFile() });
    try {
      const rows = store.raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[];
      expect(rows.map((r) => r.name)).toEqual(Object.keys(sqliteMigrations).sort());
      expect(Object.keys(sqliteMigrations)).toEqual(Object.keys(sqliteMigrations).sort());
    } finally {
      await store.close();
    }
  });

  it('seed the three desks and the default settings exactly once', async () => {
    const file = freshFile();
    const first = await openSqliteStore({ file });
    const desks = first.raw.prepare('SELECT id, ticket_prefix FROM desks ORDER BY id').all();
    expect(desks).toEqual([
      { id: 1, ticket_prefix: 'A' },
      { id: 2, ticket_prefix: 'B' },
      { id: 3, ticket_prefix: 'R' },
    ]);
    const lock = first.raw.prepare("SELECT value FROM settings WHERE key = 'lockAfterMinutes'").get() as { value: string };
    expect(JSON.parse(lock.value)).toBe(10);
    await first.close();

    const again = await openSqliteStore({ file });
    expect((again.raw.prepare('SELECT count(*) AS n FROM desks').get() as { n: number }).n).toBe(3);
    await again.close();
  });

  it('migrating again is a no-op (same call, and reopening the file)', async () => {
    const file = freshFile();
    const store = await openSqliteStore({ file });
    const schema = schemaOf(store.raw);
    const migrationRows = store.raw.prepare('SELECT name, timestamp FROM kysely_migration').all();
    store.raw.prepare("INSERT INTO settings (key, value) VALUES ('marker', '1')").run();

    await migrateToLatest(store.db);
    expect(schemaOf(store.raw)).toEqual(schema);
    expect(store.raw.prepare('SELECT name, timestamp FROM kysely_migration').all()).toEqual(migrationRows);
    await store.close();

    const reopened = await openSqliteStore({ file });
    expect(schemaOf(reopened.raw)).toEqual(schema);
    expect(reopened.raw.prepare('SELECT name, timestamp FROM kysely_migration').all()).toEqual(migrationRows);
    expect(reopened.raw.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: '1' });
    await reopened.close();
  });

  it('a migration that fails half-way leaves nothing behind (it runs in one transaction)', async () => {
    const file = freshFile();
    // A stray table that collides with one the first migration creates late, after users, desks, visits…
    const pre = new BetterSqlite3(file);
    pre.exec('CREATE TABLE audit (x)');
    pre.close();

    await expect(openSqliteStore({ file })).rejects.toThrow(/0001-foundation/);

    const after = new BetterSqlite3(file, { readonly: true });
    try {
      const names = (after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      expect(names).not.toContain('users');
      expect(names).not.toContain('visits');
      const applied = names.includes('kysely_migration')
        ? (after.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n
        : 0;
      expect(applied).toBe(0);
    } finally {
      after.close();
    }
  });
});
