import type BetterSqlite3 from 'better-sqlite3';
import { clearStatementCache } from '../../electron/core/store/sqlite/open-sqlite-store';

export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs fn and returns every SQL statement the core executed meanwhile, with its parameters, by
 * watching the connection's prepare(): the query-plan tests look at the statements the operations
 * really run, not at copies of them that could drift.
 */
export async function recordStatements(raw: BetterSqlite3.Database, fn: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const original = raw.prepare;
  const patched = function (this: BetterSqlite3.Database, source: string) {
    const stmt = original.call(raw, source) as BetterSqlite3.Statement;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const fnOf = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      Object.defineProperty(stmt, method, {
        value: (...params: unknown[]) => {
          recorded.push({ sql: source, params: params.length === 1 && Array.isArray(params[0]) ? params[0] : params });
          return fnOf(...params);
        },
      });
    }
    return stmt;
  };
  // The store keeps statements prepared: forget them so every statement goes through prepare() here.
  clearStatementCache(raw);
  raw.prepare = patched as typeof raw.prepare;
  try {
    await fn();
  } finally {
    raw.prepare = original;
    clearStatementCache(raw);
  }
  return recorded;
}

/** The detail lines of EXPLAIN QUERY PLAN for a statement (Signal's explain() idea). */
export function explain(raw: BetterSqlite3.Database, statement: RecordedStatement): string[] {
  const rows = raw.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(statement.params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** The name of the unique index on exactly these columns (SQLite names those of UNIQUE constraints itself). */
export function uniqueIndexOn(raw: BetterSqlite3.Database, table: string, columns: string[]): string | undefined {
  const indexes = raw.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number }[];
  for (const ix of indexes) {
    if (!ix.unique) continue;
    const cols = (raw.prepare(`PRAGMA index_info(${JSON.stringify(ix.name)})`).all() as { name: string }[]).map((c) => c.name);
    if (cols.join(',') === columns.join(',')) return ix.name;
  }
  return undefined;
}
