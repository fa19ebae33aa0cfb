import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './store';

/** Stands for the i-th argument while the query is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query of fixed shape that Kysely builds and compiles once; every later call only binds its
 * arguments (and the store keeps the statement prepared). Kysely otherwise rebuilds and recompiles
 * the query on each call, which costs more than running it for the statements a desk repeats all
 * day (bench: the view of a visit after a check-in, the audit row of every change).
 *
 * `build` receives placeholders for its arguments: use each only as a value (`where(col, '=', arg)`,
 * an inserted value), never to choose the query's shape, and no lists (`in` expands them).
 */
export function compiledOnce<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R>) {
  const bind = boundOnce(build);
  return async (db: Db, ...args: A): Promise<R[]> => (await db.executeQuery(bind(db, ...args))).rows;
}

/**
 * The same, giving the bound query itself (to run it another way, e.g. Store.arrayRows). Compiled once
 * per SQL dialect (the adapter's class): the same process may hold a SQLite and a PostgreSQL store.
 */
export function boundOnce<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R>) {
  const byDialect = new Map<unknown, { sql: string; slots: (number | { value: unknown })[] }>();
  return (db: Db, ...args: A): CompiledQuery<R> => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(dialect);
    if (!compiled) {
      const placeholders = args.map((_, i) => new Slot(i)) as unknown as A;
      const query = build(db, ...placeholders).compile();
      compiled = { sql: query.sql, slots: query.parameters.map((p) => (p instanceof Slot ? p.index : { value: p })) };
      byDialect.set(dialect, compiled);
    }
    const parameters = compiled.slots.map((s) => (typeof s === 'number' ? args[s] : s.value));
    return CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>;
  };
}
