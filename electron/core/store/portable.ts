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
 * Whole milliseconds from one stored instant (UTC ISO text) to another, null when either is null: a
 * wait, worked out where the rows are so a month of them need not travel one by one. SQLite's julianday
 * is exact to well under a millisecond at these magnitudes, so the rounded figure is the exact one.
 */
export function msBetween(db: Db, from: Expression<string | null>, to: Expression<string | null>): RawBuilder<number | null> {
  return isPostgres(db)
    ? sql<number | null>`round(extract(epoch from (${to})::timestamptz - (${from})::timestamptz) * 1000)::bigint`
    : sql<number | null>`cast(round((julianday(${to}) - julianday(${from})) * 86400000) as integer)`;
}

/** An aggregate: a group's non-null values as one comma-separated text (null for none), in no set order. */
export function joinedText(db: Db, value: Expression<unknown>): RawBuilder<string | null> {
  return isPostgres(db) ? sql<string | null>`string_agg((${value})::text, ',')` : sql<string | null>`group_concat(${value}, ',')`;
}

/**
 * The id the next visit will have, read with a check-in's facts, so that its row, its timeline's first
 * event and its audit row can all go with the commit (Store.atCommit): one round trip less while the
 * desk's lock is held. On PostgreSQL a number of the visits' identity sequence (never given twice; a
 * refused check-in leaves a gap); on SQLite one past the highest, as its rowid would be — read inside
 * the write transaction, one writer at a time.
 */
export function newVisitId(db: Db): RawBuilder<number> {
  return isPostgres(db) ? sql<number>`nextval(pg_get_serial_sequence('visits', 'id'))::int` : sql<number>`(SELECT coalesce(max(id), 0) + 1 FROM visits)`;
}

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
