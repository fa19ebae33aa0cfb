/**
 * A statement's values as SQL literals, for the arguments of an `EXECUTE` in a text of several
 * statements (which takes no parameters); null for a value with no plain literal here (bytes, dates,
 * objects). Each is quoted, as pg sends a parameter (as text, its type left to the server): the
 * statement decides it, so 1 / 0 still fill a boolean column as they do as parameters.
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
      literals.push(quoted(String(value)));
    } else return null;
  }
  return literals;
}

/**
 * pg's escapeLiteral, letter for letter — quotes doubled; with a backslash, backslashes doubled and
 * the E'' form, read alike whatever standard_conforming_strings says — but by whole-string replaces:
 * pg's builds the text a character at a time, about twenty kilobytes of garbage for a check-in's
 * audit row on every write.
 */
function quoted(text: string): string {
  const body = `'${text.includes("'") ? text.replace(/'/g, "''") : text}'`;
  return text.includes('\\') ? ` E${body.replace(/\\/g, '\\\\')}` : body;
}
