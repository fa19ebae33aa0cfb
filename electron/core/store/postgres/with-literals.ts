import type { CompiledQuery } from 'kysely';
import pg from 'pg';

/**
 * A compiled statement with its parameters written into the text as literals, so that it can travel
 * in the simple-query text of the commit (which takes no parameters); null for a value with no plain
 * literal here (bytes, dates, objects). pg's escapeLiteral quotes text as the server reads it whatever
 * standard_conforming_strings says. The parameters are the $n outside quoted text and identifiers.
 */
export function withLiterals(query: CompiledQuery): string | null {
  // Each value quoted, as pg sends a parameter (as text, its type left to the server): the column or
  // the comparison decides it, so 1 / 0 still fill a boolean column as they do as parameters.
  const literals: string[] = [];
  for (const value of query.parameters) {
    if (value === null || value === undefined) literals.push('NULL');
    else if (
      typeof value === 'string' ||
      typeof value === 'bigint' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    ) {
      literals.push(pg.escapeLiteral(String(value)));
    } else return null;
  }
  return query.sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (whole, n: string | undefined) =>
    n === undefined ? whole : literals[Number(n) - 1]!,
  );
}
