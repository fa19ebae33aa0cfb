import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../electron/core/store/postgres/pipeline';
import { openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * Several prepared statements in one round trip (a read's statements with its change mark): each with
 * its own values and its own result, parsed once per connection, and an error that ends the pipeline
 * reaches the caller and leaves the connection usable.
 */
let t: TestCore;
let client: pg.Client;
const statementsSeen: string[] = [];

beforeAll(async () => {
  t = await openTestCore();
  client = new pg.Client({ connectionString: t.storeArg });
  await client.connect();
  // What reaches the server, message by message: Parse only where a statement is new to the connection.
  const connection = (client as unknown as { connection: { parse: (m: { name: string }) => void } }).connection;
  const parse = connection.parse.bind(connection);
  connection.parse = (m) => {
    statementsSeen.push(m.name);
    parse(m);
  };
});
afterAll(async () => {
  await client.end();
  await t.cleanup();
});

const words = { name: 'words', text: 'SELECT w, length(w) AS n FROM unnest($1::text[]) AS w ORDER BY w', values: [['ب', 'أ']] };
const sum = { name: 'sum', text: 'SELECT $1::int + $2::int AS total, $3::text AS nothing', values: [40, 2, null] };

describe('a pipeline of prepared statements on PostgreSQL', () => {
  it('answers each statement with its own rows, in order, bound with its own values', async () => {
    const [first, second] = await runPipeline(client, [words, sum]);
    expect(first!.rows).toEqual([
      ['أ', 1],
      ['ب', 1],
    ]);
    expect(first!.fields.map((f) => f.name)).toEqual(['w', 'n']);
    expect(second!.rows).toEqual([[42, null]]);
  });

  it('parses a statement once per connection, and the connection\'s other queries use it under the same name', async () => {
    statementsSeen.length = 0;
    await runPipeline(client, [words, { ...sum, values: [1, 1, 'x'] }]);
    expect(statementsSeen).toEqual([]);
    const single = await client.query({ name: 'sum', text: sum.text, values: [2, 3, 'y'], rowMode: 'array' });
    expect(single.rows).toEqual([[5, 'y']]);
    expect(statementsSeen).toEqual([]);
  });

  it('an error ends the pipeline with the server\'s error, runs nothing after it, and the connection answers the next call', async () => {
    const failing = { name: 'divide', text: 'SELECT 1 / $1::int AS q', values: [0] };
    const after = { name: 'after', text: "INSERT INTO settings (key, value) VALUES ('pipelineTest', '1') RETURNING key", values: [] };
    await expect(runPipeline(client, [sum, failing, after])).rejects.toMatchObject({ code: '22012' });
    expect((await client.query("SELECT count(*)::int AS n FROM settings WHERE key = 'pipelineTest'")).rows).toEqual([{ n: 0 }]);
    const [again] = await runPipeline(client, [{ ...sum, values: [1, 2, null] }]);
    expect(again!.rows).toEqual([[3, null]]);
  });
});
