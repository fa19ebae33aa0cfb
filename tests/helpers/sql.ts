import type BetterSqlite3 from 'better-sqlite3';

/** One statement execution as the core made it. */
export interface RecordedStatement {
  method: 'all' | 'get' | 'run' | 'iterate';
  sql: string;
  /** Its parameters, one list (an array given as the only argument is that list). */
  params: unknown[];
  /** The statement was in raw mode (Store.arrayRows): a replay builds arrays too, not objects. */
  arrays: boolean;
}

const METHODS = ['all', 'get', 'run', 'iterate'] as const;

/**
 * Runs fn and returns every SQL statement the core executed on `raw` meanwhile, with its parameters:
 * the query-plan tests look at the statements the operations really run, and the bench replays them
 * bare, not copies that could drift. The Statement prototype's methods are wrapped, not the
 * connection's prepare(): the store keeps its statements prepared, so a repeated one is never prepared again.
 */
export async function recordStatements(raw: BetterSqlite3.Database, fn: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const proto = Object.getPrototypeOf(raw.prepare('SELECT 1')) as Record<RecordedStatement['method'], (...args: unknown[]) => unknown>;
  const originals = METHODS.map((m) => [m, proto[m]] as const);
  for (const [method, original] of originals) {
    proto[method] = function (this: BetterSqlite3.Statement, ...args: unknown[]) {
      const out = original.apply(this, args);
      if (this.database === raw) {
        const row = method === 'all' ? (out as unknown[])[0] : out;
        recorded.push({ method, sql: this.source, params: args.length === 1 && Array.isArray(args[0]) ? args[0] : args, arrays: Array.isArray(row) });
      }
      return out;
    };
  }
  try {
    await fn();
  } finally {
    for (const [method, original] of originals) proto[method] = original;
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
