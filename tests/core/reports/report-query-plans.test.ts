// SQLite only (vitest.config.mts, SQLITE_ONLY): SQLite's EXPLAIN QUERY PLAN of the reports' statements.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadEvidenceFigures } from '../../../electron/core/reports/evidence-figures';
import { periodScope } from '../../../electron/core/reports/period-scope';
import { explain, recordStatements } from '../../helpers/sql';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * A year's period report at ten-year scale (bench: under 500 ms) counts its requests from the indexes
 * of migration 0015 and reads only the period's visits: no statement of the period report or the
 * evidence pack reads all of ten years of requests, visits or timeline events.
 */
let t: TestCore;

beforeAll(async () => {
  t = await openTestCore({ now: '2024-04-10T07:00:00Z' });
});
afterAll(() => t.cleanup());

it('the period report and the evidence pack read no hot table whole', async () => {
  const scope = periodScope('2024-03-01', '2024-03-31', t.clock.now(), 'Asia/Riyadh');
  // The figures as the job worker makes them, here on the test's own connection so its statements can be seen.
  const statements = await recordStatements(t.raw, () => loadEvidenceFigures(t.db, scope));
  const hot = statements.filter((s) => /from "(requests|visits|request_events|visit_events)"/i.test(s.sql));
  expect(hot.length).toBeGreaterThan(10);
  for (const s of hot) {
    const plan = explain(t.raw, s);
    for (const step of plan) {
      const scanned = /^SCAN (\w+)\b/.exec(step);
      if (scanned && ['requests', 'visits', 'request_events', 'visit_events', 'e', 'v'].includes(scanned[1]!) && !/USING (COVERING )?INDEX/.test(step)) {
        expect.fail(`a whole table read "${step}" in:\n${s.sql}\nplan:\n${plan.join('\n')}`);
      }
    }
  }
  const plans = hot.map((s) => explain(t.raw, s).join('\n')).join('\n');
  for (const index of ['requests_opened', 'requests_submission_day', 'requests_decided', 'requests_closed', 'request_events_action_at']) {
    expect(plans).toMatch(new RegExp(`INDEX ${index}\\b`));
  }
  // The period's visits, a day's at a time, from an index that starts with the day.
  expect(plans).toMatch(/SEARCH visits USING (COVERING )?INDEX \w+ \(day>\? AND day<\?\)/);
});
