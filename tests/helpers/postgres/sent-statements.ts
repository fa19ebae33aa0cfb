import pg from 'pg';

export interface SentStatement {
  text: string;
  values: unknown[];
  /** Which round trip it went in: the statements of a pipeline (the store's pipeline.ts) share one. */
  trip: number;
}

/**
 * The statements, with their values, this process sends to PostgreSQL while `fn` runs (every pool
 * connection is a pg.Client), a pipeline's each on its own.
 */
export async function statementsOf(fn: () => Promise<unknown>): Promise<SentStatement[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const sent: SentStatement[] = [];
  let trips = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; values?: unknown[]; statements?: { text: string; values: unknown[] }[] };
    const trip = trips++;
    if (typeof config === 'string') sent.push({ text: config, values: (args[1] as unknown[] | undefined) ?? [], trip });
    else if (config?.statements) sent.push(...config.statements.map((s) => ({ text: s.text, values: [...s.values], trip })));
    else sent.push({ text: config?.text ?? '', values: config?.values ?? [], trip });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return sent;
}
