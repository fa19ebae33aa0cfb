import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { PasswordCost } from '../../electron/core/auth/passwords';
import { createCore, STORE_FILE_NAME, type Core } from '../../electron/core/core';
import { createClock, type TestClock } from './clock';

export interface TestCore extends Core {
  clock: TestClock;
  /** The better-sqlite3 connection under the core's Kysely instance (for inspection only). */
  raw: BetterSqlite3.Database;
  storeFile: string;
  /** Unexpected errors the dispatcher logged ("internal" envelopes); tests assert it stays empty. */
  internalErrors: { operation: string; error: unknown }[];
  /** Closes the core, removes its temp folder, and fails if the core logged an unexpected error. Safe to call twice. */
  cleanup(): Promise<void>;
}

/**
 * scrypt at N=2^10 instead of the production 2^17 (0.4 s a hash): the suite creates and signs in
 * hundreds of accounts. tests/core/auth/password-hashing.test.ts opens cores at the production cost
 * and proves it is the default and that a hash made at a lower one is replaced at the next sign-in.
 */
export const TEST_PASSWORD_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

export function makeTempDir(prefix = 'istiqbal-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A real core on a real SQLite file in a fresh temp folder, all migrations applied, with a clock
 * the test controls. Pass `dataDir` to open a second core on the same store.
 */
export async function openTestCore(
  options: { now?: TestClock | Date | string; dataDir?: string; passwordCost?: PasswordCost; lockWaitMs?: number } = {},
): Promise<TestCore> {
  const clock =
    options.now && typeof options.now === 'object' && 'advance' in options.now ? options.now : createClock(options.now ?? undefined);
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? makeTempDir();
  const internalErrors: TestCore['internalErrors'] = [];
  const core = await createCore({
    dataDir,
    now: clock.now,
    passwordCost: options.passwordCost ?? TEST_PASSWORD_COST,
    lockWaitMs: options.lockWaitMs,
    log: (error, operation) => internalErrors.push({ operation, error }),
  });
  let closed = false;
  return Object.assign(core, {
    clock,
    raw: rawDb(core),
    storeFile: join(dataDir, STORE_FILE_NAME),
    internalErrors,
    async cleanup() {
      if (closed) return;
      closed = true;
      await core.close();
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
      // An "internal" envelope is a bug in the core, whatever the test was about.
      if (internalErrors.length > 0) {
        const list = internalErrors.map((e) => `${e.operation}: ${e.error instanceof Error ? e.error.stack : String(e.error)}`).join('\n');
        throw new Error(`the core logged ${internalErrors.length} unexpected error(s):\n${list}`);
      }
    },
  });
}

/** The SQLite store keeps its better-sqlite3 handle beside the Kysely instance. */
export function rawDb(core: Core): BetterSqlite3.Database {
  const raw = (core.store as Core['store'] & { raw?: BetterSqlite3.Database }).raw;
  if (!raw) throw new Error('this store has no raw SQLite connection');
  return raw;
}

export const APP_TABLES = ['users', 'desks', 'settings', 'beneficiaries', 'visits', 'visit_events', 'audit'] as const;

/**
 * Row count of every application table: "nothing written" means this is equal before and after.
 * The audit table counts its changes: a refusal of access is recorded by a row of its own kind
 * ('refused'), which tests/core/audit/ checks.
 */
export function rowCounts(raw: BetterSqlite3.Database): Record<(typeof APP_TABLES)[number], number> {
  return Object.fromEntries(
    APP_TABLES.map((t) => [t, t === 'audit' ? auditCount(raw) : (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  ) as Record<(typeof APP_TABLES)[number], number>;
}

/** Audit rows of changes (not the reads of personal data or the refusals recorded beside them). */
export function auditCount(raw: BetterSqlite3.Database): number {
  return (raw.prepare("SELECT count(*) AS n FROM audit WHERE kind = 'change'").get() as { n: number }).n;
}

/** Audit rows of calls refused, for their session or role or, at sign-in and unlock, for their credentials. */
export function refusedCount(raw: BetterSqlite3.Database): number {
  return (raw.prepare("SELECT count(*) AS n FROM audit WHERE kind = 'refused'").get() as { n: number }).n;
}
