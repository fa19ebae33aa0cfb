// SQLite only (vitest.config.mts, SQLITE_ONLY): SQLite's EXPLAIN QUERY PLAN of the statements the operations run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, nationalIdFor, walkInInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { explain, recordStatements, uniqueIndexOn, type RecordedStatement } from '../../helpers/sql';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * EXPLAIN QUERY PLAN for the hot paths of the desk (Signal's explain() idea), run on the statements
 * the operations really execute, captured from the connection. A full scan of visits or beneficiaries
 * here is what turns 2 ms into 200 ms on a store with ten years of visits (docs/performance.md).
 */
let t: TestCore;
let desk: SignedIn;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T07:00:00Z' });
  desk = await signedInAs(t, 'receptionist');
  for (let i = 0; i < 5; i++) await desk.ok('beneficiaries.register', beneficiaryInput(500 + i));
  for (let i = 0; i < 3; i++) await desk.ok('visits.checkIn', walkInInput());
});
afterAll(() => t.cleanup());

/** The statements an operation ran that touch `table`, with their plans. */
async function plansOf(run: () => Promise<unknown>, table: RegExp): Promise<{ sql: string; plan: string[] }[]> {
  const statements = await recordStatements(t.raw, run);
  return statements.filter((s: RecordedStatement) => table.test(s.sql)).map((s) => ({ sql: s.sql, plan: explain(t.raw, s) }));
}

/** No step of the plan reads a whole hot table (SCAN of visits/beneficiaries under any alias). */
function expectNoFullScan(plans: { sql: string; plan: string[] }[], aliases: string[]) {
  for (const { sql, plan } of plans) {
    for (const step of plan) {
      const scanned = /^SCAN (\w+)\b(?! VIRTUAL)/.exec(step);
      if (scanned && aliases.includes(scanned[1]!) && !/USING (COVERING )?INDEX/.test(step)) {
        expect.fail(`full scan "${step}" in:\n${sql}\nplan:\n${plan.join('\n')}`);
      }
    }
  }
}

describe('query plans of the hot paths', () => {
  it("today's queue reads only today's visits, through an index led by day", async () => {
    const plans = await plansOf(() => desk.ok('visits.queue', {}), /from "visits"/i);
    expect(plans.length).toBeGreaterThan(0);
    const queue = plans.find((p) => /"v"\."day" = \?/.test(p.sql))!;
    expect(queue, plans.map((p) => p.sql).join('\n')).toBeDefined();
    // Speed (docs/performance.md): visits_day_arrival holds only the day's rows, in arrival order, which is what
    // keeps the queue fast with a million historic visits — and no sort of them afterwards.
    const step = queue.plan.find((s) => /^(SEARCH|SCAN) v\b/.test(s))!;
    expect(step).toMatch(/^SEARCH v USING (COVERING )?INDEX visits_day_arrival \(day=\?\)/);
    expect(queue.plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    // The beneficiary's name is a primary-key lookup.
    for (const join of queue.plan.filter((s) => /^(SEARCH|SCAN) b\b/.test(s))) expect(join).toMatch(/USING INTEGER PRIMARY KEY/);
    expectNoFullScan(plans, ['v', 'visits', 'b', 'beneficiaries']);
  });

  it('call-next finds the oldest waiting visitor through visits_day_state (day and state)', async () => {
    const plans = await plansOf(() => desk.ok('visits.callNext', {}), /from "visits"/i);
    // The visit chosen by itself first, then its one row looked up (call-next.ts).
    const next = plans.find((p) => /"state" = \?/.test(p.sql) && /order by "arrived_at", "id" limit \?\) as "v"/i.test(p.sql))!;
    expect(next, plans.map((p) => p.sql).join('\n')).toBeDefined();
    expect(next.plan.join('\n')).toMatch(/SEARCH visits USING (COVERING )?INDEX visits_day_state \(day=\? AND state=\?\)/);
    // "SCAN v" is the chosen visit's one row, read back from its sub-select.
    expectNoFullScan(plans, ['visits', 'b', 'beneficiaries']);
  });

  it('S1: call-next asks whom this receptionist already serves here from visits_serving, the serving visits alone', async () => {
    const plans = await plansOf(() => desk.ok('visits.callNext', { alsoWhileServing: true }), /from "visits"/i);
    // In the claim's own statement (call-next.ts): the serving visit as one of its columns.
    const claim = plans.find((p) => /"sv"\."served_by" = \?/.test(p.sql))!;
    expect(claim, plans.map((p) => p.sql).join('\n')).toBeDefined();
    expect(claim.plan.join('\n')).toMatch(/SEARCH sv USING (COVERING )?INDEX visits_serving \(day=\? AND served_by=\? AND serving_desk_id=\?\)/);
  });

  it("check-in finds the desk's last ticket of the day through the (day, desk_id, seq) unique index", async () => {
    // One statement reads the desk, the beneficiary, the last ticket and the beneficiary's ticket of the day (check-in.ts: checkInFacts).
    const plans = await plansOf(() => desk.ok('visits.checkIn', walkInInput()), /max\("v"\."seq"\)/i);
    expect(plans).toHaveLength(1);
    const index = uniqueIndexOn(t.raw, 'visits', ['day', 'desk_id', 'seq'])!;
    expect(index).toBeDefined();
    expect(plans[0]!.plan.join('\n')).toContain(`USING COVERING INDEX ${index} (day=? AND desk_id=?)`);
    expectNoFullScan(plans, ['d', 'desks', 'b', 'beneficiaries', 'v', 'visits', 'tv']);
  });

  it("check-in looks for the person's ticket of the day among their visits of that day alone", async () => {
    const person = await desk.ok('beneficiaries.register', beneficiaryInput(520));
    const plans = await plansOf(() => desk.ok('visits.checkIn', { beneficiaryId: person.id, reason: 'follow_up' }), /"tv"\."beneficiary_id" = \?/);
    expect(plans).toHaveLength(1);
    // Not every visit of ten years of a regular visitor, filtered by day (migration 0026).
    expect(plans[0]!.plan.join('\n')).toMatch(/SEARCH tv USING INDEX visits_beneficiary \(beneficiary_id=\? AND day=\?\)/);
  });

  it('a beneficiary by national ID uses the unique index on id_number', async () => {
    const plans = await plansOf(() => desk.ok('beneficiaries.search', { text: nationalIdFor(501) }), /"id_number" = \?/);
    expect(plans).toHaveLength(1);
    const index = uniqueIndexOn(t.raw, 'beneficiaries', ['id_number'])!;
    expect(index).toBeDefined();
    expect(plans[0]!.plan.join('\n')).toMatch(new RegExp(`SEARCH beneficiaries USING INDEX ${index} \\(id_number=\\?\\)`));
  });

  it('a beneficiary by mobile uses beneficiaries_mobile', async () => {
    const plans = await plansOf(() => desk.ok('beneficiaries.search', { text: '0501234567' }), /"mobile" = \?/);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.plan.join('\n')).toMatch(/SEARCH beneficiaries USING INDEX beneficiaries_mobile \(mobile=\?\)/);
  });

  it("Speed: the committee's page walks requests_state_submitted in submission order; its counts read requests_awaiting alone", async () => {
    const page = await plansOf(() => desk.ok('requests.committee', {}), /from "requests"/i);
    expect(page).toHaveLength(1);
    expect(page[0]!.plan[0]).toMatch(/^SEARCH r USING INDEX requests_state_submitted \(state=\?\)/);
    expect(page[0]!.plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    const counts = await plansOf(() => desk.ok('requests.committeeCounts', {}), /from "requests"/i);
    expect(counts).toHaveLength(1);
    expect(counts[0]!.plan.join('\n')).toMatch(/USING COVERING INDEX requests_awaiting/);
  });

  it("Speed: the supervisor's board reads no whole table — those being served from visits_open, today from visits_day_arrival, the month from visits_day_figures alone, already grouped", async () => {
    const supervisor = await signedInAs(t, 'supervisor');
    const plans = await plansOf(() => supervisor.ok('board.today', {}), /from "visits"/i);
    expectNoFullScan(plans, ['v', 'visits', 'b', 'beneficiaries']);
    const serving = plans.find((p) => /"state" = 'serving'/.test(p.sql))!;
    expect(serving, plans.map((p) => p.sql).join('\n')).toBeDefined();
    expect(serving.plan.join('\n')).toMatch(/SEARCH v USING INDEX visits_open/);
    const today = plans.find((p) => /"v"\."day" = \?/.test(p.sql))!;
    expect(today.plan.join('\n')).toMatch(/SEARCH v USING INDEX visits_day_arrival \(day=\?\)/);
    const month = plans.find((p) => /group by/i.test(p.sql))!;
    expect(month.plan.join('\n')).toMatch(/SEARCH visits USING COVERING INDEX visits_day_figures \(day>\? AND day<\?\)/);
    expect(month.plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    const activity = await plansOf(() => supervisor.ok('board.today', {}), /from "audit"/i);
    expect(activity[0]!.plan.join('\n')).toMatch(/SEARCH audit USING INDEX audit_at \(at>\?\)/);
  });

  it('a name search goes through the FTS5 index, then fetches rows by primary key', async () => {
    const plans = await plansOf(() => desk.ok('beneficiaries.search', { text: 'محمد القحطاني' }), /beneficiaries/);
    const fts = plans.find((p) => /MATCH/i.test(p.sql))!;
    expect(fts.plan.join('\n')).toMatch(/SCAN beneficiaries_fts VIRTUAL TABLE INDEX/);
    const rows = plans.find((p) => /"id" in \(/i.test(p.sql))!;
    expect(rows.plan.join('\n')).toMatch(/SEARCH beneficiaries USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expectNoFullScan(plans, ['beneficiaries', 'b']);
  });

  // From the search tests (search-finding.test.ts): the plans are SQLite's, the answers are checked on both stores there.
  it('each tier reads the name index from its top and stops: the matches are never sorted (P2, bench "name fragment")', async () => {
    const statements = await recordStatements(t.raw, () => desk.ok('beneficiaries.search', { text: 'سلمان مط' }));
    const tiers = statements.filter((s) => /MATCH/.test(s.sql));
    expect(tiers).toHaveLength(2);
    for (const tier of tiers) {
      const plan = explain(t.raw, tier).join('\n');
      expect(plan).toMatch(/SCAN beneficiaries_fts VIRTUAL TABLE INDEX/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      // A visitor's key leads to their file through the unique index on search_rank.
      expect(plan).toMatch(new RegExp(`SEARCH b USING (COVERING )?INDEX ${uniqueIndexOn(t.raw, 'beneficiaries', ['search_rank'])} \\(search_rank=\\?\\)`));
    }
  });

  it('file and request numbers are found through their unique indexes', async () => {
    const statements = await recordStatements(t.raw, async () => {
      await desk.ok('beneficiaries.search', { text: 'ف-١٠٠١' });
      await desk.ok('beneficiaries.search', { text: '١٤٤٦-١' });
    });
    const plans = statements.map((s) => explain(t.raw, s).join('\n'));
    expect(plans.some((p) => p.includes(`USING INDEX ${uniqueIndexOn(t.raw, 'beneficiaries', ['file_number'])} (file_number=?)`))).toBe(true);
    expect(plans.some((p) => p.includes(`USING INDEX ${uniqueIndexOn(t.raw, 'requests', ['number'])} (number=?)`))).toBe(true);
    expect(statements.some((s) => /MATCH/.test(s.sql))).toBe(false);
  });
});
