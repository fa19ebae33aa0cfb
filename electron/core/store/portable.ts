import { PostgresAdapter, sql, type Expression, type RawBuilder } from 'kysely';
import type { Db } from './store';

/**
 * The few SQL pieces the domain needs that Kysely's builder does not spell the same on both engines.
 * The domain uses these and Kysely's builder only, never `sql` itself (tests/architecture checks it).
 */

/**
 * A constant written into the statement rather than bound: SQLite uses a partial index only when it can
 * prove the index's WHERE from the statement's own text (a bound parameter proves nothing), e.g.
 * visits_open for `state IN ('referred', 'serving')`. PostgreSQL plans with the value either way.
 */
export function textLiteral<T extends string>(value: T): RawBuilder<T> {
  return sql.lit(value) as RawBuilder<T>;
}

/**
 * A JSON array of the values, as text ('["a",null]' — nulls kept in place), for rows that carry several
 * rarely-set texts in one column (visitsOfDay). JSON.parse reads both engines' spelling.
 */
export function jsonTextArray(db: Db, values: Expression<unknown>[]): RawBuilder<string> {
  const list = sql.join(values);
  return isPostgres(db) ? sql<string>`json_build_array(${list})::text` : sql<string>`json_array(${list})`;
}

/**
 * Milliseconds from one stored instant (a UTC ISO string) to another, as a number the statement can
 * sort by (the register's waits and service times); null when either is null.
 */
export function millisBetween(db: Db, from: Expression<string | null>, to: Expression<string | null>): RawBuilder<number | null> {
  return isPostgres(db)
    ? sql<number | null>`round(extract(epoch from (${to}::timestamptz - ${from}::timestamptz)) * 1000)::bigint`
    : sql<number | null>`CAST(round((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;
}

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
