/**
 * The statements the core runs through pg, recorded while one call runs (pg.Client's query wrapped on
 * its prototype: every pool connection is a pg.Client), and replayed on a connection of the bench's own
 * as named prepared statements: the bare side of a PostgreSQL row.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { runPipeline, type PipedStatement } from '../../electron/core/store/postgres/pipeline';
import { valueTypes } from '../../electron/core/store/postgres/value-types';

export interface PgExecuted {
  text: string;
  values: unknown[];
  /** Store.arrayRows' rows (pg's rowMode 'array'): replayed the same way. */
  arrays: boolean;
  /** Statements the store sent as one pipeline (pipeline.ts: a read's with its change mark): replayed the same way. */
  pipeline?: PipedStatement[];
}

/** The dispatcher's own look-ups before a handler (settings, the signed-in user, whether either may have changed): our overhead. */
const DISPATCHER_PRELUDE = [
  /^select "key", "value" from "settings"/i,
  /^select "id", "username", "full_name", "role", "active"(, "[a-z_]+")* from "users" where "id" = \$1$/i,
  /^SELECT facts FROM store_revision/i,
];

type Query = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

export async function recordPg(fn: () => Promise<unknown>, options: { keepPrelude?: boolean } = {}): Promise<PgExecuted[]> {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const executed: PgExecuted[] = [];
  proto.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
    const c = config as { text?: string; values?: unknown[]; rowMode?: string; statements?: PipedStatement[] } | string;
    const text = typeof c === 'string' ? c : c?.text;
    const pipeline = typeof c === 'object' ? c.statements : undefined;
    if (text) executed.push({ text, values: (typeof c === 'string' ? (values as unknown[]) : c.values) ?? [], arrays: typeof c === 'object' && c.rowMode === 'array', pipeline });
    return original.call(this, config, values, callback);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  if (options.keepPrelude) return executed;
  const ours = (text: string) => DISPATCHER_PRELUDE.some((re) => re.test(text.trim()));
  // A pipeline without the prelude's statements in it (a read's change mark): still one round trip.
  return executed
    .map((e) => (e.pipeline ? withPipeline(e, e.pipeline.filter((s) => !ours(s.text))) : e))
    .filter((e) => (e.pipeline ? e.pipeline.length > 0 : !ours(e.text)));
}

const withPipeline = (e: PgExecuted, pipeline: PipedStatement[]): PgExecuted => ({ ...e, text: pipeline.map((s) => s.text).join(';\n'), pipeline });

/** A connection of the bench's own with the store's value types, replaying recorded statements prepared once (by name). */
export async function pgReplayer(url: string) {
  const client = new pg.Client({ connectionString: url, types: valueTypes });
  await client.connect();
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `bare_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
    return name;
  };
  return {
    client,
    /** Runs one statement prepared once (a multi-statement text, BEGIN…, goes as a simple query). */
    run(text: string, values: unknown[] = [], arrays = false): Promise<pg.QueryResult> {
      const simple = values.length === 0 && /;\s*\S/.test(text);
      if (simple) return client.query(text);
      return client.query({ name: nameOf(text), text, values, ...(arrays ? { rowMode: 'array' as const } : {}) }) as Promise<pg.QueryResult>;
    },
    async replay(list: PgExecuted[]) {
      let out: unknown;
      for (const e of list) out = e.pipeline ? await runPipeline(client, e.pipeline.map((s) => ({ ...s, name: nameOf(s.text) }))) : await this.run(e.text, e.values, e.arrays);
      return out;
    },
    close: () => client.end(),
  };
}

export type PgReplayer = Awaited<ReturnType<typeof pgReplayer>>;

/** EXPLAIN of a recorded statement, its parameters inlined by the server (a generic plan would hide what the index gives). */
export async function explainPg(client: pg.Client, e: PgExecuted): Promise<string[]> {
  if (!/^\s*(select|with)/i.test(e.text)) return [];
  const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${e.text}`, values: e.values });
  return rows.map((r) => r['QUERY PLAN']);
}
