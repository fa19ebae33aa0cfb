import type { CompiledQuery } from 'kysely';
import type { Db, Store } from './store';

/**
 * A call's first statements, known before it runs, sent ahead in one round trip with what has to be
 * read before it anyway (a change's BEGIN, a read's change mark: Store.write, Store.changeMarkWith), and
 * the rows each answered there, in the order they were sent. `arrays`: the rows come as arrays of
 * values (Store.arrayRows), not objects.
 */
export interface SentAhead {
  statements: { query: CompiledQuery; arrays: boolean; rows: unknown[] }[];
}

/** A statement to send ahead: its rows as objects, or as arrays (Store.arrayRows). */
export interface AheadStatement {
  query: CompiledQuery;
  arrays: boolean;
}

/**
 * The rows of `query` for the call: those it answered when it is the next statement sent ahead (the
 * same text and values), otherwise it runs now. What was sent ahead was built from what was known
 * before (the settings kept then, the session): a value that proves otherwise once the call's facts
 * are read (another desk moved the time zone) makes another statement, which then runs, and so does
 * every statement after it. The rows are given once, in the order sent: a statement sent ahead ran
 * before anything the call wrote.
 */
export async function rowsOf<R>(ctx: { db: Db; sentAhead?: SentAhead | null }, query: CompiledQuery<R>): Promise<R[]> {
  const rows = taken(ctx, query, false);
  return rows ? (rows as R[]) : (await ctx.db.executeQuery(query)).rows;
}

/** As rowsOf, the rows as arrays of values (Store.arrayRows). */
export async function arrayRowsOf<Row extends unknown[]>(ctx: { db: Db; store: Store; sentAhead?: SentAhead | null }, query: CompiledQuery): Promise<Row[]> {
  const rows = taken(ctx, query, true);
  return rows ? (rows as Row[]) : ctx.store.arrayRows<Row>(ctx.db, query);
}

function taken(ctx: { sentAhead?: SentAhead | null }, query: CompiledQuery, arrays: boolean): unknown[] | null {
  const next = ctx.sentAhead?.statements.shift();
  if (next && next.arrays === arrays && sameStatement(next.query, query)) return next.rows;
  ctx.sentAhead = null;
  return null;
}

function sameStatement(a: CompiledQuery, b: CompiledQuery): boolean {
  return a.sql === b.sql && a.parameters.length === b.parameters.length && a.parameters.every((value, i) => Object.is(value, b.parameters[i]));
}
