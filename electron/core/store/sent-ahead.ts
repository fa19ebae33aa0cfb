import type { CompiledQuery } from 'kysely';
import type { Db } from './store';

/** A change's first statement, sent ahead with its transaction's BEGIN (Store.write), and the rows it answered there. */
export interface SentAhead {
  query: CompiledQuery;
  rows: unknown[];
}

/**
 * The rows of `query` in the change's transaction: those it answered with BEGIN when it is the very
 * statement sent ahead (the same text and values), otherwise it runs now. What was sent ahead was
 * built from what was known before the transaction (the settings kept then, the session): a value
 * that proves otherwise under the lock (another desk moved the time zone) makes another statement,
 * which then runs. The rows are given once, and only a change's first statement may ask for them: a
 * statement sent ahead ran before anything the handler wrote.
 */
export async function rowsOf<R>(ctx: { db: Db; sentAhead?: SentAhead | null }, query: CompiledQuery<R>): Promise<R[]> {
  const ahead = ctx.sentAhead;
  ctx.sentAhead = null;
  if (ahead && sameStatement(ahead.query, query)) return ahead.rows as R[];
  return (await ctx.db.executeQuery(query)).rows;
}

function sameStatement(a: CompiledQuery, b: CompiledQuery): boolean {
  return a.sql === b.sql && a.parameters.length === b.parameters.length && a.parameters.every((value, i) => Object.is(value, b.parameters[i]));
}
