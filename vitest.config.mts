import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Tests about the SQLite file itself, run on the SQLite store only: crash safety of the file under
 * SIGKILL; SQLite's migrations (their FTS5 rebuild, 0010 on a file) and the snapshot of its schema; its
 * query plans (the audit list's and the reports' among them); its connection never waiting inside SQLite for another
 * process's lock; the data folder's file modes (the .sqlite3 file and its -wal and -shm; the folder's
 * other files are made private by the same code whichever the store); and backups, which are the
 * SQLite store's (the data folder's file and scans: VACUUM INTO, the archive, restore, a backup under
 * SIGKILL) — on PostgreSQL they refuse, which tests/core/store/postgres/ checks. Everything about
 * operations runs on both stores.
 */
const SQLITE_ONLY = [
  'tests/core/crash-safety.test.ts',
  'tests/core/store/migrations.test.ts',
  'tests/core/store/query-plans.test.ts',
  'tests/core/store/idle-checkpoint.test.ts',
  'tests/core/reports/report-query-plans.test.ts',
  'tests/core/store/schema-snapshot.test.ts',
  'tests/core/store/search-normalisation-migration.test.ts',
  'tests/core/audit/audit-list-plans.test.ts',
  'tests/core/long-work/sqlite-lock-wait.test.ts',
  'tests/core/private-data.test.ts',
  'tests/core/backup-crash.test.ts',
  'tests/core/backup-operations.test.ts',
  'tests/core/backup-restore.test.ts',
];

/** Tests that need the PostgreSQL server whichever project runs (both stores side by side, several desks on one server). */
const POSTGRES_ONLY = ['tests/core/store/postgres/**/*.test.ts'];

/**
 * The core suite's files that open a store: the PostgreSQL run repeats these. The others (PDF layout,
 * the pure parsing of options) touch no store and would only run twice for nothing.
 */
const ROOT = dirname(fileURLToPath(import.meta.url));
const OPENS_A_STORE = readdirSync(join(ROOT, 'tests/core'), { recursive: true })
  .map((f) => `tests/core/${String(f).split('\\').join('/')}`)
  .filter((f) => f.endsWith('.test.ts') && /\b(openTestCore|createCore)\(/.test(readFileSync(join(ROOT, f), 'utf8')));

export default defineConfig({
  // `@shared/…` is shared/, as in the tsconfigs' paths and electron.vite.config.ts; both projects extend this.
  resolve: { alias: { '@shared': join(ROOT, 'shared') } },
  test: {
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'core-sqlite',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...POSTGRES_ONLY],
          env: { ISTIQBAL_TEST_STORE: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          // The core suite again on PostgreSQL: one server for the run (ISTIQBAL_TEST_PG, or an embedded
          // cluster started here and stopped at the end whatever happened), a database per test store.
          name: 'core-postgres',
          include: [...OPENS_A_STORE, ...POSTGRES_ONLY],
          exclude: ['tests/e2e/**', 'node_modules/**', ...SQLITE_ONLY],
          env: { ISTIQBAL_TEST_STORE: 'postgres' },
          globalSetup: ['tests/helpers/postgres/global-setup.ts'],
        },
      },
    ],
  },
});
