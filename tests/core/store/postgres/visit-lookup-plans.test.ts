import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '@shared/dates/calendar';
import { claimNext } from '../../../../electron/core/visits/call-next';
import { checkInFacts } from '../../../../electron/core/visits/check-in';
import { walkInInput } from '../../../helpers/fixtures';
import { signedInAs } from '../../../helpers/sessions';
import { statementsOf } from '../../../helpers/postgres/sent-statements';
import { openTestCore, type TestCore } from '../../../helpers/test-core';

/**
 * PostgreSQL's plans of the lookups every call-next, check-in and referrals list makes (migration
 * 0026). PostgreSQL keeps a changed row's old index entries until VACUUM: the waiting visitors are
 * read from an index of the waiting alone, whom this receptionist serves now from visits_serving
 * (never from an index of every visit being served anywhere), and a person's ticket of the day from
 * their visits of that day alone. The SQLite plans: query-plans.test.ts.
 */
let t: TestCore;
let client: pg.Client;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T07:00:00Z' });
  client = new pg.Client({ connectionString: t.storeArg });
  await client.connect();
  // A test's few rows would be read whole; the plan asked for is the one a hall's million visits get.
  await client.query('SET enable_seqscan = off');
});
afterAll(async () => {
  await client.end();
  await t.cleanup();
});

async function planOf(query: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (COSTS OFF) ${query.sql}`, values: [...query.parameters] });
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('visit lookups on PostgreSQL', () => {
  it('call-next: the oldest waiting visitor from visits_waiting in the queue order, and whom this receptionist serves from visits_serving', async () => {
    const desk = await signedInAs(t, 'receptionist');
    for (let i = 0; i < 6; i++) await desk.ok('visits.checkIn', walkInInput(`زائر ${i} الحربي`));
    // Some called (their waiting entries now old versions), some still waiting.
    for (let i = 0; i < 3; i++) await desk.ok('visits.callNext', { alsoWhileServing: true });
    const day = businessDay(t.clock.now());
    const plan = await planOf(claimNext({ db: t.db, store: t.store }, day, desk.user.id, desk.deskId));
    expect(plan).toMatch(/Index Scan using visits_waiting on visits/);
    expect(plan).toMatch(/Index (Only )?Scan using visits_serving on visits sv/);
    expect(plan).not.toMatch(/Sort/);
    expect(plan).not.toMatch(/visits_open|visits_day_state/);
  });

  it("check-in: the person's ticket of the day from their visits of that day alone", async () => {
    const desk = await signedInAs(t, 'receptionist');
    const plan = await planOf(checkInFacts(t.db, desk.deskId, 1, '2024-02-14', null));
    expect(plan).toMatch(/Index Scan using visits_beneficiary on visits tv\s+Index Cond: \(\(beneficiary_id = \S+\) AND \(day = \S+\)\)/);
  });

  it('the referrals list and the board read the referred and the served visits from their own indexes, no whole table', async () => {
    const desk = await signedInAs(t, 'receptionist');
    const visit = await desk.ok('visits.checkIn', walkInInput('مراجع الإحالة الشمري'));
    await desk.ok('visits.call', { visitId: visit.id, alsoWhileServing: true });
    await desk.ok('visits.refer', { visitId: visit.id, note: 'يحتاج دراسة حالة' });
    const researcher = await signedInAs(t, 'researcher');
    const supervisor = await signedInAs(t, 'supervisor');
    const reads = [
      ...(await statementsOf(() => researcher.ok('visits.referrals', {}))),
      ...(await statementsOf(() => desk.ok('visits.referrals', {}))),
      ...(await statementsOf(() => supervisor.ok('board.today', {}))),
    ].filter((s) => /"v"\."state" in \('referred', 'serving'\)/.test(s.text));
    expect(reads.length).toBe(3);
    const plans: string[] = [];
    for (const s of reads) plans.push(await planOf({ sql: s.text, parameters: s.values }));
    expect(plans[0]).toMatch(/visits_referred/);
    expect(plans[1]).toMatch(/visits_referred/);
    expect(plans[2]).toMatch(/visits_serving/);
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on visits|visits_open/);
  });
});
