import pg from 'pg';

/**
 * A statement's values as SQL literals, for the arguments of an `EXECUTE` in a text of several
 * statements (which takes no parameters); null for a value with no plain literal here (bytes, dates,
 * objects). Each is quoted, as pg sends a parameter (as text, its type left to the server): the
 * statement decides it, so 1 / 0 still fill a boolean column as they do as parameters. pg's
 * escapeLiteral quotes text as the server reads it whatever standard_conforming_strings says.
 */
export function literalsOf(values: readonly unknown[]): string[] | null {
  const literals: string[] = [];
  for (const value of values) {
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
  return literals;
}
