// SQLite only (vitest.config.mts, SQLITE_ONLY): the snapshot is of SQLite's schema; postgres/schema-parity.test.ts holds PostgreSQL's to it.
/**
 * Schema guard (after actual's schema-guard.ts): the schema the migrations build from an empty file
 * must equal the committed snapshot beside this test. A migration that changes the schema on purpose
 * regenerates the snapshot, and the diff is reviewed with the migration. A released migration is never
 * edited (migrations/index.ts): an edit shows up here as a change nobody asked for.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import { expect, it } from 'vitest';
import { openSqliteStore } from '../../../electron/core/store/sqlite/open-sqlite-store';
import { makeTempDir } from '../../helpers/test-core';

const SNAPSHOT = join(dirname(fileURLToPath(import.meta.url)), 'schema.snapshot.sql');
const REGENERATE = 'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/core/store/schema-snapshot.test.ts';

/** sqlite_master's SQL, in a stable order, without FTS5's shadow tables (SQLite's own, version-dependent). */
function dumpSchema(raw: BetterSqlite3.Database): string {
  const shadow = new Set(
    (raw.prepare('PRAGMA table_list').all() as { name: string; type: string }[]).filter((t) => t.type === 'shadow').map((t) => t.name),
  );
  const rows = raw
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name")
    .all() as { type: string; name: string; sql: string }[];
  return (
    rows
      .filter((r) => !shadow.has(r.name))
      .map((r) => `-- ${r.type} ${r.name}\n${r.sql};`)
      .join('\n\n') + '\n'
  );
}

it('the migrated schema matches the committed snapshot (tests/core/store/schema.snapshot.sql)', async () => {
  const dir = makeTempDir('istiqbal-schema-');
  const store = await openSqliteStore({ file: join(dir, 'store.sqlite3') });
  try {
    const actual = dumpSchema(store.raw);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      writeFileSync(SNAPSHOT, actual);
      return;
    }
    if (!existsSync(SNAPSHOT)) {
      expect.fail(`No schema snapshot at ${SNAPSHOT}. Create it with:\n  ${REGENERATE}`);
    }
    const expected = readFileSync(SNAPSHOT, 'utf8');
    if (actual !== expected) {
      // The diff below shows what changed; the message says how to accept it.
      expect(actual, `The schema built by the migrations differs from schema.snapshot.sql. If a new migration changed it on purpose, regenerate the snapshot and review the diff:\n  ${REGENERATE}`).toBe(expected);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
