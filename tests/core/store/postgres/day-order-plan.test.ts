import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkInInput } from '../../../helpers/fixtures';
import { signedInAs } from '../../../helpers/sessions';
import { statementsOf } from '../../../helpers/postgres/sent-statements';
import { openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * PostgreSQL's plan of the statement behind today's queue (the SQLite plans: query-plans.test.ts). A
 * day's visits come from visits_day_arrival already in the order the queue lists them — arrival, then
 * id — with no sort of the day's rows on every read (bench: today's queue).
 */
let t: TestCore;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T07:00:00Z' });
});
afterAll(() => t.cleanup());

describe('query plans on PostgreSQL', () => {
  it("today's queue: the day's visits through visits_day_arrival, in its order, with no sort", async () => {
    const desk = await signedInAs(t, 'receptionist');
    for (let i = 0; i < 3; i++) await desk.ok('visits.checkIn', walkInInput());
    const day = (await statementsOf(() => desk.ok('visits.queue', {}))).find((s) => /"v"\."day" = \$1/.test(s.text));
    expect(day).toBeDefined();
    const client = new pg.Client({ connectionString: t.storeArg });
    await client.connect();
    try {
      // A test's few rows would be read whole; the plan asked for is the one a hall's million visits get.
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (COSTS OFF) ${day!.text}`, values: day!.values });
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index Scan using visits_day_arrival on visits v/);
      expect(plan).not.toMatch(/Sort/);
    } finally {
      await client.end();
    }
  });
});
