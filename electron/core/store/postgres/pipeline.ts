import pg from 'pg';
// pg's own mapping of a JavaScript value to the text the server reads (what its queries bind with).
import { prepareValue } from 'pg/lib/utils';

/** One statement of a pipeline: prepared under `name` on the connection (once), run with `values`. */
export interface PipedStatement {
  name: string;
  text: string;
  values: readonly unknown[];
}

/** The parts of pg's connection a query submits with (pg's Query does the same, one statement at a time). */
interface Connection {
  parsedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(message: { text: string; name: string }): void;
  bind(message: { statement: string; values: readonly unknown[]; valueMapper: (value: unknown) => unknown }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string }): void;
  sync(): void;
}

/** What of pg's Query a pipeline builds on: its handling of the server's answers, a result per statement. */
interface QueryInternals {
  submit(connection: Connection): void;
  handleReadyForQuery(connection: Connection): void;
}
const Query = pg.Query as unknown as new (config: pg.QueryArrayConfig & { callback: (error: Error | null, results: unknown) => void }) => QueryInternals;

/**
 * Several statements in one round trip, each with its own values, as prepared statements of the
 * extended protocol: each is parsed on a connection once (under the name the store's other queries
 * prepare it with), then bound and executed, and one Sync ends them all. The server answers them in
 * order; pg's Query gathers a result per statement, as for a simple query of several statements. Unlike
 * `EXECUTE` in a simple query, whose rows the server first gathers in a store of its own (a third
 * more on today's queue of 300), the rows come as they are read. An error ends the pipeline there:
 * the server skips the rest until the Sync, and the caller gets the error.
 *
 * The rows come as arrays of values (pg's rowMode 'array'), each result with its fields.
 */
class Pipeline extends Query {
  constructor(
    readonly statements: PipedStatement[],
    callback: (error: Error | null, results: unknown) => void,
  ) {
    super({ text: statements.map((s) => s.text).join(';\n'), rowMode: 'array', callback });
  }

  override submit(connection: Connection): void {
    // As pg's Query: the messages leave in one write.
    connection.stream.cork?.();
    try {
      for (const s of this.statements) {
        if (connection.parsedStatements[s.name] === undefined) connection.parse({ text: s.text, name: s.name });
        connection.bind({ statement: s.name, values: s.values, valueMapper: prepareValue });
        connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '' });
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
  }

  override handleReadyForQuery(connection: Connection): void {
    // Every statement ran (after an error the client hands ReadyForQuery to nobody): each is now
    // prepared on this connection, for this pipeline's next run and for the store's other queries.
    for (const s of this.statements) connection.parsedStatements[s.name] = s.text;
    super.handleReadyForQuery(connection);
  }
}

/** The results of `statements` run as one pipeline on `client`, one per statement, in order. */
export function runPipeline(client: pg.ClientBase, statements: PipedStatement[]): Promise<pg.QueryArrayResult[]> {
  return new Promise((resolve, reject) => {
    const pipeline = new Pipeline(statements, (error, results) => {
      if (error) reject(error);
      else resolve(Array.isArray(results) ? results : [results as pg.QueryArrayResult]);
    });
    client.query(pipeline as unknown as pg.Submittable);
  });
}
