import pg from 'pg';

export interface SentStatement {
  text: string;
  values: unknown[];
}

/** The statements, with their values, this process sends to PostgreSQL while `fn` runs (every pool connection is a pg.Client). */
export async function statementsOf(fn: () => Promise<unknown>): Promise<SentStatement[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const sent: SentStatement[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; values?: unknown[] };
    if (typeof config === 'string') sent.push({ text: config, values: (args[1] as unknown[] | undefined) ?? [] });
    else sent.push({ text: config?.text ?? '', values: config?.values ?? [] });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return sent;
}
